import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { auditHistory, verifyAudit } from './audit-log.js';
import { loadCatalogue, type Catalogue } from './catalogue.js';
import { writeValues, type ValueChange } from './value-writes.js';

const context = { actor: 'cán bộ\txã', requestId: 'req\\1', reason: 'nhập lại\nlần 2', source: 'test' };
const awkward = 'tab\there, back\\slash, new\nline, return\r, "quoted", ý kiến';

describe('writeValues', () => {
  let db: TestDatabase;
  let catalogue: Catalogue;
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadSmallProvince(db);
    catalogue = await loadCatalogue(db);
  });
  afterAll(() => db.close());

  const change = (unit: string, period: string, value: number | null, comment?: string): ValueChange => ({
    indicator: catalogue.indicators.get('SITES')!,
    unit: catalogue.units.get(unit)!,
    period,
    value,
    comment: comment ?? null,
  });
  const stored = () =>
    db.query<{ unit: string; period: string; value: number; comment: string | null; updated_by: string }>(
      `select u.code as unit, p.code as period, v.value, v.comment, v.updated_by
       from indicator_value v join org_unit u on u.id = v.org_unit_id join period p on p.id = v.period_id
       order by p.code, u.code`,
    );

  const write = (changes: ValueChange[]) => db.transaction((tx) => writeValues(tx, changes, context));

  it('copies the values of a new period in and upserts the others, text kept to the byte, audited', async () => {
    // A new period (copied in, the last of two changes to one key winning) …
    const first = await write([
      change('C1', '2026-03', 1),
      change('C2', '2026-03', 2, awkward),
      change('C1', '2026-03', 5),
    ]);
    expect(first).toEqual({ inserted: 2, updated: 0, deleted: 0, unchanged: 0 });
    // … then the same period again (upserted): one update, one unchanged, one new.
    const second = await write([
      change('C1', '2026-03', 6),
      change('C2', '2026-03', 2, awkward),
      change('C3', '2026-03', 7),
    ]);
    expect(second).toEqual({ inserted: 1, updated: 1, deleted: 0, unchanged: 1 });
    expect(await stored()).toEqual([
      { unit: 'C1', period: '2026-03', value: 6, comment: null, updated_by: context.actor },
      { unit: 'C2', period: '2026-03', value: 2, comment: awkward, updated_by: context.actor },
      { unit: 'C3', period: '2026-03', value: 7, comment: null, updated_by: context.actor },
    ]);

    const history = await auditHistory(db, { entity: 'indicator_value', indicator: 'SITES', unit: 'C1' });
    expect(history.map((h) => [h.action, h.oldValue, h.newValue, h.actor, h.requestId, h.reason])).toEqual([
      ['value.insert', null, { value: 5, comment: null }, context.actor, context.requestId, context.reason],
      [
        'value.update',
        { value: 5, comment: null },
        { value: 6, comment: null },
        context.actor,
        context.requestId,
        context.reason,
      ],
    ]);
    const c2 = await auditHistory(db, { entity: 'indicator_value', indicator: 'SITES', unit: 'C2' });
    expect(c2.map((h) => h.newValue)).toEqual([{ value: 2, comment: awkward }]);
    expect(await verifyAudit(db)).toEqual({ ok: true, records: 4 });
  });

  it('leaves nothing behind when the batch fails after the copy', async () => {
    const before = await stored();
    await expect(
      db.transaction(async (tx) => {
        await writeValues(tx, [change('C1', '2026-04', 1)], context);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await stored()).toEqual(before);
    expect(await db.query(`select 1 from period where code = '2026-04'`)).toEqual([]);
    expect(await verifyAudit(db)).toEqual({ ok: true, records: 4 });
  });
});
