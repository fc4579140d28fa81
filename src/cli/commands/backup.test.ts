import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../../db/pglite-database.js';
import { migrate } from '../../db/migrate.js';
import { loadCatalogue } from '../../db/catalogue.js';
import { writeValues } from '../../db/value-writes.js';
import { loadSmallProvince } from '../../../test/fixtures/small-province.js';

const run = promisify(execFile);
const main = join(import.meta.dirname, '..', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'dx-cli-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, DATABASE_URL: '', DX_DATA_DIR: '' },
  });
const failure = (...args: string[]) =>
  cli(...args).then(
    () => null,
    (error: unknown) => error,
  );

it('backs up an embedded database and restores it into another, checked; refuses to overwrite one', async () => {
  const source = join(dir, 'source');
  const db = await openPglite(source);
  await migrate(db);
  await loadSmallProvince(db);
  const catalogue = await loadCatalogue(db);
  await db.transaction((tx) =>
    writeValues(
      tx,
      [1, 2, 3].map((month) => ({
        indicator: catalogue.indicators.get('SITES')!,
        unit: catalogue.units.get('C1')!,
        period: `2025-0${month}`,
        value: month,
        comment: 'ghi chú\tthứ ' + month,
      })),
      { actor: 'test', requestId: null, reason: null, source: 'test' },
    ),
  );
  await db.close();

  const archive = join(dir, 'province.dxb');
  expect((await cli('backup', '--data-dir', source, '--out', archive)).stdout).toMatch(
    /^Backed up embedded PGlite .* tables, \d+ rows, 3 audit records/,
  );
  const target = join(dir, 'target');
  expect((await cli('restore', '--data-dir', target, '--from', archive)).stdout).toMatch(
    /^Restored .* equal to the source, audit chain intact \(3 records, last [0-9a-f]{12}…\)/,
  );
  expect((await cli('audit', 'verify', '--data-dir', target)).stdout).toMatch(/intact: 3 records/);

  const again = await failure('restore', '--data-dir', target, '--from', archive);
  expect(again).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/^dx-compact: .*not empty.*\(backup\.not_empty\)\n$/),
  });
  expect((await cli('restore', '--data-dir', target, '--from', archive, '--force')).stdout).toMatch(/^Restored /);

  // A truncated archive: exit 2, one line, and the fresh target stays without any table.
  const truncated = join(dir, 'truncated.dxb');
  const bytes = readFileSync(archive);
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
  const empty = join(dir, 'empty');
  expect(await failure('restore', '--data-dir', empty, '--from', truncated)).toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/^dx-compact: .*not a complete DX Compact backup.*\(backup\.corrupt\)\n$/),
  });
  const left = await openPglite(empty);
  expect(await left.query(`select to_regclass('org_unit') as t, to_regclass('schema_migration') as m`)).toEqual([
    { t: null, m: null },
  ]);
  await left.close();
}, 180_000); // seven CLI processes, each starting tsx
