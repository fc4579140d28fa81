import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../db/pglite-database.js';
import { loadCatalogue } from '../db/catalogue.js';
import { writeValues } from '../db/value-writes.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';

const run = promisify(execFile);
const main = join(import.meta.dirname, 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'dx-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, DATABASE_URL: '', DX_DATA_DIR: '' },
  });

it('explains every command', async () => {
  for (const command of ['serve', 'migrate', 'seed-demo']) {
    const { stdout } = await cli(command, '--help');
    expect(stdout).toMatch(/--data-dir/);
    expect(stdout).toMatch(/--database-url/);
  }
});

it('migrates, seeds the demo once, and migrates again as a no-op', async () => {
  const dataDir = join(dir, 'db');
  expect((await cli('migrate', '--data-dir', dataDir)).stdout).toMatch(/Applied 0001_core_schema\.sql/);
  expect((await cli('seed-demo', '--data-dir', dataDir)).stdout).toMatch(/Loaded the Gia Lai demo.*137 units/);
  expect((await cli('seed-demo', '--data-dir', dataDir)).stdout).toMatch(/already/);
  expect((await cli('migrate', '--data-dir', dataDir)).stdout).toMatch(/up to date/);
});

it('verifies the audit chain and names the record altered in SQL', async () => {
  const dataDir = join(dir, 'audited');
  await cli('migrate', '--data-dir', dataDir);
  const db = await openPglite(dataDir);
  await loadSmallProvince(db);
  const catalogue = await loadCatalogue(db);
  const context = { actor: 'test', requestId: null, reason: null, source: 'test' };
  await db.transaction((tx) =>
    writeValues(
      tx,
      [1, 2, 3].map((month) => ({
        indicator: catalogue.indicators.get('SITES')!,
        unit: catalogue.units.get('C1')!,
        period: `2025-0${month}`,
        value: month,
      })),
      context,
    ),
  );
  await db.close();
  expect((await cli('audit', 'verify', '--data-dir', dataDir)).stdout).toMatch(/intact: 3 records/);
  const tampered = await openPglite(dataDir);
  await tampered.query(`update audit_log set actor = 'someone else' where seq = 2`);
  await tampered.close();
  const failure = await cli('audit', 'verify', '--data-dir', dataDir).catch((error: unknown) => error);
  expect(failure).toMatchObject({ code: 3, stderr: expect.stringMatching(/record 2 was altered/) });
});

it('fails with one clear line and a non-zero status on an unreachable server', async () => {
  const failure = await cli('migrate', '--database-url', 'postgres://nobody@127.0.0.1:1/none').catch(
    (error: unknown) => error,
  );
  expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/^dx-compact: .*ECONNREFUSED/) });
});
