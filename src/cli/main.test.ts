import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request as httpRequest } from 'node:http';
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

it('creates the first admin with a generated password shown once, never a default one', async () => {
  const dataDir = join(dir, 'accounts');
  const first = await cli('user', 'create', 'an.admin', '--admin', '--data-dir', dataDir);
  const password = /Password \(shown once[^:]*\): (\S+)/.exec(first.stdout)?.[1];
  expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
  const second = await cli('user', 'create', 'an.other', '--admin', '--data-dir', dataDir);
  expect(second.stdout).not.toContain(password!);
  await expect(cli('user', 'create', 'an.admin', '--admin', '--data-dir', dataDir)).rejects.toMatchObject({
    stderr: expect.stringMatching(/taken \(account\.exists\)/),
  });
  expect((await cli('user', 'list', '--data-dir', dataDir)).stdout).toMatch(/an\.admin\s+admin/);
});

it('stops on SIGTERM after the requests in flight, with the database closed', async () => {
  const dataDir = join(dir, 'serve');
  await cli('migrate', '--data-dir', dataDir);
  const port = 38_000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--no-demo', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: '', DX_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  for (let i = 0; i < 200 && !output.includes('is running'); i++) await new Promise((r) => setTimeout(r, 100));
  expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
  // A request in flight when the signal comes: its body is still arriving. It gets its answer; then the server stops.
  const body = JSON.stringify({ username: 'nobody', password: 'not a password at all' });
  const inFlight = new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/auth/login',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => child.kill('SIGTERM'), 200);
    setTimeout(() => req.end(body.slice(10)), 700);
  });
  expect(await inFlight).toBe(401);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  expect(output).toMatch(/the database is closed/);
  const reopened = await openPglite(dataDir);
  expect(await reopened.query('select 1 as one')).toEqual([{ one: 1 }]);
  await reopened.close();
});
