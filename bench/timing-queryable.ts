import type { Queryable, Row } from '../src/db/database.js';
import { now } from './stats.js';

/** Kinds of statement, each recognised by its SQL; statements matching none land in 'other'. */
export type StatementKinds = readonly (readonly [string, RegExp])[];

/** The statements of writeValues. */
export const WRITE_KINDS: StatementKinds = [
  ['look up existing values', /from indicator_value v\s+join unnest/i],
  ['insert values', /insert into indicator_value|copy into indicator_value/i],
  ['delete values', /delete from indicator_value/i],
  ['audit_log (lock, last record, insert)', /audit_log|pg_advisory_xact_lock/i],
  ['periods', /insert into period|from period where code/i],
  ['approval locks', /with recursive approved/i],
];

/** The statements of rollUp. */
export const ROLL_UP_KINDS: StatementKinds = [
  ['leaf summaries (leafTimeSummaries)', /from indicator_value v/i],
  ['units below (unitsAtLevelBelow)', /select id, code, population from below/i],
];

/**
 * Wraps a Queryable to add up the time spent in each kind of statement, round trip included (on
 * PGlite that is the engine's own work plus parameter encoding; on PostgreSQL, plus the network).
 */
export function timingQueryable(
  inner: Queryable,
  kinds: StatementKinds,
): { tx: Queryable; spent: Map<string, number> } {
  const spent = new Map<string, number>();
  const add = (sql: string, ms: number) => {
    const kind = kinds.find(([, pattern]) => pattern.test(sql))?.[0] ?? 'other';
    spent.set(kind, (spent.get(kind) ?? 0) + ms);
  };
  return {
    spent,
    tx: {
      async query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
        const start = now();
        try {
          return await inner.query<T>(sql, params);
        } finally {
          add(sql, now() - start);
        }
      },
      async exec(sql: string) {
        const start = now();
        try {
          await inner.exec(sql);
        } finally {
          add(sql, now() - start);
        }
      },
      async copyIn(table: string, columns: readonly string[], rows: string) {
        const start = now();
        try {
          await inner.copyIn(table, columns, rows);
        } finally {
          add(`copy into ${table}`, now() - start);
        }
      },
      copyOut: (query: string) => inner.copyOut(query),
    },
  };
}
