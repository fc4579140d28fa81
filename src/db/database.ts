/**
 * The one database interface the app uses. Two engines speak the same PostgreSQL dialect:
 * PGlite (embedded, a data directory on disk) and a PostgreSQL server (DATABASE_URL).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with $1… parameters and returns its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows into a table's columns with COPY (text format, as `copyRow` writes it): the fastest
   * way in on both engines, used where rows are known to be new (audit records, values of new periods).
   */
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void>;
  /**
   * Runs `copy (query) to stdout` and yields its COPY text as it arrives. A PostgreSQL server streams it (held
   * back by the socket while the consumer is busy); PGlite hands over one statement's whole output at once, so a
   * caller reading a large table on PGlite asks for it a page at a time.
   */
  copyOut(query: string): AsyncIterable<Uint8Array>;
}

export interface TransactionOptions {
  /** Roll back even when `work` resolves: a preview or a dry run sees its own changes, then leaves nothing. */
  rollback?: boolean;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws (or when asked to). */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
  /**
   * Only offered by an engine this process alone writes to (PGlite): runs `read` now and again at the end of every
   * turn that may have written (inside that turn, so nothing commits in between), and returns a getter of its
   * latest answer that needs no database turn — undefined when the last run failed. A long transaction (an
   * import) then does not hold up what only needs such an answer.
   */
  readonly keepCurrent?: <T>(read: (q: Queryable) => Promise<T>) => Promise<() => T | undefined>;
}
