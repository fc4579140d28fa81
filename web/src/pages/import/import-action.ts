/** The state of one request the import screen makes (a template download, a preview, a commit). */
export type Action<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'done'; result: T } | { status: 'error'; error: Error };

export const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
export const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
