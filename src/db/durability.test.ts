import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from './pglite-database.js';
import { openTestDatabase, testEngine, type TestDatabase } from '../../test/fixtures/test-database.js';
import type { Database } from './database.js';

const writer = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'acknowledged-writer.ts');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Runs the writer until it has acknowledged `acks` commits, then kills it with SIGKILL mid-write. */
function writeThenKill(args: string[], acks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = 0;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) lastAck = Number(line.slice(4));
      if (lastAck >= acks) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(lastAck) : reject(new Error(`writer exited without being killed: ${stderr}`)),
    );
  });
}

it(`keeps every acknowledged write when the process is killed (${testEngine})`, async () => {
  let reopen: () => Promise<Database>;
  let args: string[];
  if (testEngine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'dx-durability-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    args = [dir];
    reopen = () => openPglite(dir);
  } else {
    const db: TestDatabase = await openTestDatabase({ migrate: false });
    cleanups.push(() => db.close());
    args = ['--postgres', process.env.TEST_DATABASE_URL!, db.schema!];
    reopen = async () => db;
  }
  const acknowledged = await writeThenKill(args, 150);
  const db = await reopen();
  const [row] = await db.query<{ count: number; max: number }>(
    'select count(*)::int as count, max(id) as max from durability_probe',
  );
  if (testEngine === 'pglite') await db.close();
  expect(acknowledged).toBeGreaterThanOrEqual(150);
  // Every acknowledged id is there; at most the one in flight when killed may be there too.
  expect(row!.count).toBe(row!.max);
  expect(row!.max).toBeGreaterThanOrEqual(acknowledged);
  expect(row!.max).toBeLessThanOrEqual(acknowledged + 1);
});
