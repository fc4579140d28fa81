import { createHash } from 'node:crypto';
import type { Queryable } from './database.js';
import { quoteIdent, type BackupColumn, type BackupTable } from './backup-tables.js';

/** COPY text in whole rows, about this much per piece: one archive frame, one restore COPY at most four. */
export const FRAME_BYTES = 1024 * 1024;
/** On PGlite a table is read a page at a time (its COPY output arrives whole): about this much COPY text … */
export const PAGE_BYTES = 4 * 1024 * 1024;
/** … and at most this many rows. */
export const PAGE_ROWS = 50_000;

/**
 * Session settings under which COPY prints every value the same way on both engines and any server's
 * configuration: timestamps in UTC, ISO dates, hex bytea, and floats in the shortest text that reads back to
 * the same double (extra_float_digits ≥ 1 on PostgreSQL 12 and later; PGlite is 18, the servers 15+).
 */
export async function useCanonicalText(q: Queryable): Promise<void> {
  await q.exec(`set local timezone = 'UTC';
    set local datestyle = 'ISO, YMD';
    set local intervalstyle = 'postgres';
    set local extra_float_digits = 1;
    set local bytea_output = 'hex';
    set local standard_conforming_strings = on`);
}

/** Row count and SHA-256 of a table's COPY text, fed piece by piece. */
export class TableDigest {
  rows = 0;
  private readonly hash = createHash('sha256');

  add(piece: Uint8Array): void {
    // COPY text escapes newlines inside values (\n), so each raw newline ends one row.
    for (let at = piece.indexOf(10); at >= 0; at = piece.indexOf(10, at + 1)) this.rows++;
    this.hash.update(piece);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}

const orderTerm = (column: BackupColumn) => quoteIdent(column.name) + (column.needsByteOrder ? ' collate "C"' : '');
const literal = (value: string, type: string) => `'${value.replace(/'/g, "''")}'::${type}`;

// What a row's COPY text will take, from sizes known without reading the values (octet_length and
// pg_column_size look at the stored header, not the TOASTed data): bytea doubles in hex; jsonb and the
// rest are taken at their stored size, which underestimates compressed values.
function rowBytesEstimate(table: BackupTable): string {
  return table.columns
    .map((column) => {
      const name = quoteIdent(column.name);
      if (column.type === 'bytea') return `2 * coalesce(octet_length(${name}), 0)`;
      if (/^(text|character varying(\(\d+\))?|character(\(\d+\))?)$/.test(column.type))
        return `coalesce(octet_length(${name}), 0)`;
      return `coalesce(pg_column_size(${name}), 0)`;
    })
    .concat(String(table.columns.length))
    .join(' + ');
}

/**
 * A table's rows as COPY text in a canonical order: by primary key, text keys in byte order, so the same
 * data gives the same bytes (and the same SHA-256) from either engine. Yields pieces of whole rows, about
 * FRAME_BYTES each. On a server it is one streamed COPY; on PGlite (`paged`) one COPY per page of about
 * PAGE_BYTES or PAGE_ROWS, the page ends found by the key index. A table without a primary key is read in
 * one statement, sorted by its rows' text.
 */
export async function* exportRows(
  q: Queryable,
  table: BackupTable,
  options: { paged: boolean; pageBytes?: number; pageRows?: number },
): AsyncGenerator<Buffer> {
  const columns = table.columns.map((column) => quoteIdent(column.name)).join(', ');
  const from = `select ${columns} from ${quoteIdent(table.name)}`;
  const keyColumns = table.key.flatMap((name) => table.columns.filter((column) => column.name === name));
  if (keyColumns.length === 0 || keyColumns.length !== table.key.length) {
    // No key, or one on a generated column (not exported): one statement, sorted by each row's text.
    yield* wholeRows(q.copyOut(`${from} order by row(${columns})::text collate "C"`));
    return;
  }
  const order = keyColumns.map(orderTerm).join(', ');
  if (!options.paged) {
    yield* wholeRows(q.copyOut(`${from} order by ${order}`));
    return;
  }
  const keyAsText = keyColumns.map((column, i) => `${quoteIdent(column.name)}::text as k${i}`).join(', ');
  const after = (values: string[] | null, render: (value: string, i: number) => string) =>
    values ? `(${order}) > (${values.map(render).join(', ')})` : 'true';
  const asParam = (_: string, i: number) =>
    `$${i + 3}::${keyColumns[i]!.type}` + (keyColumns[i]!.needsByteOrder ? ' collate "C"' : '');
  const asLiteral = (value: string, i: number) =>
    literal(value, keyColumns[i]!.type) + (keyColumns[i]!.needsByteOrder ? ' collate "C"' : '');
  let last: string[] | null = null;
  for (;;) {
    // The key of the page's last row: a running total along the key index, stopped by `limit 1`
    // (a subquery's order is kept by the scan over it).
    const [end]: Record<string, string>[] = await q.query<Record<string, string>>(
      `select ${keyColumns.map((_, i) => `k${i}`).join(', ')} from (
         select ${keyAsText}, sum(${rowBytesEstimate(table)}) over w as bytes, row_number() over w as n
         from ${quoteIdent(table.name)} where ${after(last, asParam)}
         window w as (order by ${order} rows between unbounded preceding and current row)
         order by ${order}
       ) page where bytes >= $1 or n >= $2 limit 1`,
      [options.pageBytes ?? PAGE_BYTES, options.pageRows ?? PAGE_ROWS, ...(last ?? [])],
    );
    const next: string[] | null = end ? keyColumns.map((_, i) => end[`k${i}`]!) : null;
    const upTo = next ? `(${order}) <= (${next.map(asLiteral).join(', ')})` : 'true';
    yield* wholeRows(q.copyOut(`${from} where ${after(last, asLiteral)} and ${upTo} order by ${order}`));
    if (!next) return;
    last = next;
  }
}

/** Regroups COPY output into pieces of about `frameBytes` that end at row ends (a longer row is one piece). */
export async function* wholeRows(chunks: AsyncIterable<Uint8Array>, frameBytes = FRAME_BYTES): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    pending.push(bytes);
    size += bytes.length;
    // Nothing new to cut until a row ends in the newest chunk (so a long row is not regrouped per chunk).
    if (size < frameBytes || bytes.indexOf(10) < 0) continue;
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
    let start = 0;
    while (all.length - start >= frameBytes) {
      const cut = all.lastIndexOf(10, start + frameBytes - 1);
      const end = cut >= start ? cut + 1 : all.indexOf(10, start + frameBytes) + 1;
      if (end === 0) break; // the row goes on in a later chunk
      yield all.subarray(start, end);
      start = end;
    }
    pending = start < all.length ? [all.subarray(start)] : [];
    size = all.length - start;
  }
  if (size === 0) return;
  const rest = Buffer.concat(pending, size);
  if (rest[rest.length - 1] !== 10) throw new Error('COPY output ended inside a row');
  yield rest;
}
