import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

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

it('fails with one clear line and a non-zero status on an unreachable server', async () => {
  const failure = await cli('migrate', '--database-url', 'postgres://nobody@127.0.0.1:1/none').catch(
    (error: unknown) => error,
  );
  expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/^dx-compact: .*ECONNREFUSED/) });
});
