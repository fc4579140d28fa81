import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../../api/types.js';
import { asError, isAbort, type Action } from './import-action.js';
import { uploadImport, type UploadOptions, type UploadProgress } from './upload-import.js';

export interface Upload {
  state: Action<ImportReport>;
  /** While a request runs: how far the upload is, then that the server is working. */
  progress: UploadProgress | null;
  send: (file: File, options: Omit<UploadOptions, 'signal' | 'onProgress'>) => Promise<void>;
  /** Stops a running request and forgets any answer. */
  reset: () => void;
}

/** One upload of the import screen (a preview or a commit): its progress, its answer, and cancelling it. */
export function useUpload(): Upload {
  const [state, setState] = useState<Action<ImportReport>>({ status: 'idle' });
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setProgress(null);
    setState({ status: 'idle' });
  }, []);

  const send = useCallback(async (file: File, options: Omit<UploadOptions, 'signal' | 'onProgress'>) => {
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setState({ status: 'loading' });
    try {
      const result = await uploadImport(file, { ...options, signal: ctl.signal, onProgress: setProgress });
      if (!ctl.signal.aborted) setState({ status: 'done', result });
    } catch (err) {
      if (ctl.signal.aborted || isAbort(err)) return;
      setState({ status: 'error', error: asError(err) });
    } finally {
      if (controller.current === ctl) setProgress(null);
    }
  }, []);

  return { state, progress, send, reset };
}
