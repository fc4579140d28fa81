import { useCallback } from 'react';
import { useUpload, type Upload } from './use-upload.js';

/** The preview step: sends the file with mode=preview; nothing is written, whatever the answer. */
export function useImportPreview(): Upload & { run: (file: File, period: string, lang: string) => Promise<void> } {
  const upload = useUpload();
  const { send } = upload;
  const run = useCallback(
    (file: File, period: string, lang: string) => send(file, { mode: 'preview', period: period || undefined, lang }),
    [send],
  );
  return { ...upload, run };
}
