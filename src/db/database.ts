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
   * Only for an engine this process alone writes to (PGlite): a number that moves on after every statement or
   * transaction that may have written. What is read from the data can be kept in memory while it stands still,
   * and a long transaction (an import) then does not hold up answers that were already known.
   */
  readonly writeGeneration?: () => number;
}
