/** Messages between the API thread and the worker thread that runs PGlite (see pglite-database.ts). */
export type PgliteRequest =
  | { id: number; kind: 'query'; sql: string; params: unknown[] }
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'copyIn'; table: string; columns: string[]; rows: string }
  | { id: number; kind: 'copyOut'; query: string }
  | { id: number; kind: 'close' };

/** A database error as it crosses the thread boundary: its message and fields (code is the SQLSTATE). */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** What a request answers when it succeeds. */
export interface PgliteAnswer {
  id: number;
  ok: true;
  rows?: unknown[];
  bytes?: Uint8Array | null;
}

export type PgliteReply =
  | PgliteAnswer
  | { id: number; ok: false; error: ThreadError }
  | { id: -1; ok: true; ready: true }
  | { id: -1; ok: false; error: ThreadError };

export interface PgliteThreadData {
  /** A data directory, or undefined for an in-memory database. */
  dataDir: string | undefined;
}
