import { useCallback } from 'react';
import type { ImportReport } from '../../api/types.js';
import { commitBlocker, type CommitBlocker } from '../../importing.js';
import { useUpload, type Upload } from './use-upload.js';

/**
 * The commit step: sends the previewed file again with mode=commit, which the server writes whole or not at all.
 * `blocker` says why it may not be pressed yet (no clean preview, already committed).
 */
export function useImportCommit(
  preview: ImportReport | null,
): Upload & { blocker: CommitBlocker | null; run: (file: File, period: string, lang: string) => Promise<void> } {
  const upload = useUpload();
  const { send } = upload;
  const committed = upload.state.status === 'done';
  const blocker = committed ? 'committed' : commitBlocker(preview);
  const run = useCallback(
    (file: File, period: string, lang: string) => send(file, { mode: 'commit', period: period || undefined, lang }),
    [send],
  );
  return { ...upload, blocker, run };
}
