/**
 * Load on loopback, as leaders open the overview: the real server (`dx-compact serve`, a child process) on the
 * demo province, signed in as the demo viewer, hit by autocannon on the overview, a roll-up and the map values at
 * 50 and 200 connections. Prints requests/s, p50/p99, errors, timeouts and the server's RSS; asserts nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { packageRoot } from '../src/package-root.js';
import { describeLoad } from './machine.js';
import { heading, line } from './report.js';
import { formatInt } from './stats.js';

const TARGETS = [
  { name: 'overview', path: '/api/progress?unit=24' },
  { name: 'roll-up', path: '/api/rollup?indicator=POP_COV_4G&unit=24&from=2024-01&to=2025-12&by=month' },
  { name: 'map values', path: '/api/org-units/24/children/boundaries?indicator=POP_COV_4G&period=2025' },
];
const CONNECTIONS = [50, 200];
const IMPORT_ROWS = 100_000;
const GOALS = { rps: 1000, overviewP50: 20, overviewP99: 100 };

interface Server {
  child: ChildProcess;
  origin: string;
  passwords: Map<string, string>;
}

const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(packageRoot(), 'src/cli/main.ts'), ...args], {
    env,
    encoding: 'utf8',
  });

/** Seeds the demo (printing its accounts), then serves it; resolves once the server listens. */
async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const seeded = cli(['seed-demo'], env);
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const passwords = new Map([...seeded.stdout.matchAll(/^\s+(demo\.\S+)\s+\S+\s+(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  if (!passwords.has('demo.xem') || !passwords.has('demo.tinh'))
    throw new Error(`seed-demo printed no demo accounts:\n${seeded.stdout}`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(packageRoot(), 'src/cli/main.ts'), 'serve', '--port', String(port), '--no-demo'],
    { env: { ...env, LOG_LEVEL: 'info', DX_RATE_LIMIT_PER_MINUTE: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('DX Compact is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  // The request log keeps flowing: read and dropped, as a process manager would.
  child.stdout!.resume();
  child.stderr!.resume();
  return { child, origin: `http://127.0.0.1:${port}`, passwords };
}

/** Signs a demo account in: its session cookie and CSRF token. */
async function signIn(server: Server, username: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ username, password: server.passwords.get(username) }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dx_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const body = (await response.json()) as { csrfToken?: string };
  return { cookie: cookie.split(';')[0]!, csrf: body.csrfToken ?? '' };
}

/** A CSV of `rows` new values (months from 2027 on) for the demo province's communes and plain count indicators. */
async function importFile(server: Server, cookie: string, rows: number): Promise<string> {
  const get = async <T>(path: string) =>
    (await (await fetch(`${server.origin}${path}`, { headers: { cookie } })).json()) as T;
  const indicators = (
    await get<
      {
        code: string;
        reportingLevel: string;
        valueType: string;
        formula: string | null;
        computedCode?: string | null;
      }[]
    >('/api/indicators')
  ).filter((i) => i.reportingLevel === 'commune' && i.valueType === 'count' && i.formula === null);
  const tree = await get<{ code: string; level: string; children: unknown[] }>('/api/org-units/tree?root=24');
  const communes: string[] = [];
  const walk = (nodes: { code: string; level: string; children: unknown[] }[]) => {
    for (const node of nodes) {
      if (node.level === 'commune') communes.push(node.code);
      walk(node.children as typeof nodes);
    }
  };
  walk([tree]);
  const lines = ['indicator,unit,period,value'];
  for (let month = 0; lines.length <= rows; month += 1) {
    const period = `${2027 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (const indicator of indicators)
      for (const commune of communes) {
        if (lines.length > rows) break;
        lines.push(`${indicator.code},${commune},${period},${(lines.length * 7) % 500}`);
      }
  }
  return lines.join('\n') + '\n';
}

/**
 * One 100,000-row import (the real route, committed) while a reader polls /api/health and the overview every
 * 25 ms: how long each waited, i.e. whether the import holds everyone else up.
 */
async function duringImport(server: Server, reader: string, rows: number) {
  const officer = await signIn(server, 'demo.tinh');
  const csv = await importFile(server, officer.cookie, rows);
  const latencies = new Map<string, number[]>([
    ['/api/health', []],
    ['/api/progress?unit=24', []],
  ]);
  let importing = true;
  const poll = async (path: string) => {
    while (importing) {
      const start = performance.now();
      await (await fetch(`${server.origin}${path}`, { headers: { cookie: reader } })).arrayBuffer();
      latencies.get(path)!.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const pollers = [...latencies.keys()].map(poll);
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'values.csv');
  const before = describeLoad();
  const start = performance.now();
  const response = await fetch(`${server.origin}/api/imports?mode=commit`, {
    method: 'POST',
    headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, origin: server.origin },
    body: form,
  });
  const importMs = performance.now() - start;
  const answer = await response.text();
  importing = false;
  await Promise.all(pollers);
  line(
    `  import of ${formatInt(rows)} rows over HTTP: ${response.status} in ${(importMs / 1000).toFixed(1)} s` +
      (response.ok ? '' : ` — ${answer.slice(0, 300)}`),
  );
  for (const [path, times] of latencies) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    const p99 = Number(at(0.99));
    line(
      `    ${path} during it: ${times.length} requests, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms` +
        ` (goal p99 ≤ 200 ms: ${p99 <= 200 ? 'met' : 'NOT met'})`,
    );
  }
  line(`    before: ${before}; after: ${describeLoad()}`);
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function hammer(server: Server, cookie: string, path: string, connections: number, seconds: number) {
  let peakRss = rssMiB(server.child.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(server.child.pid!))), 250);
  const result = await autocannon({
    url: `${server.origin}${path}`,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { cookie },
  });
  clearInterval(sampler);
  return { result, peakRss };
}

async function runEngine(label: string, env: NodeJS.ProcessEnv, port: number, seconds: number) {
  heading(`load: ${label}`);
  const server = await startServer(env, port);
  try {
    const { cookie } = await signIn(server, 'demo.xem');
    // One request each first, so that the first timed second is not the cold start.
    for (const target of TARGETS) await fetch(`${server.origin}${target.path}`, { headers: { cookie } });
    line(`  server RSS after start and one request each: ${rssMiB(server.child.pid!).toFixed(0)} MiB`);
    for (const connections of CONNECTIONS) {
      for (const target of TARGETS) {
        const before = describeLoad();
        const { result, peakRss } = await hammer(server, cookie, target.path, connections, seconds);
        const ok = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
        line(
          `  ${target.name.padEnd(10)} ${String(connections).padStart(3)} conns, ${seconds} s: ${formatInt(Math.round(result.requests.average))} req/s, ` +
            `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${formatInt(result.requests.total)} requests, ` +
            `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; server RSS peak ${peakRss.toFixed(0)} MiB` +
            (ok ? '' : ' — NOT clean'),
        );
        line(`    before: ${before}; after: ${describeLoad()}`);
        if (connections === 200)
          line(
            `    goal ≥ ${GOALS.rps} req/s at 200 connections with no errors: ${result.requests.average >= GOALS.rps && ok ? 'met' : 'NOT met'}`,
          );
        if (target.name === 'overview')
          line(
            `    overview goal p50 ≤ ${GOALS.overviewP50} ms, p99 ≤ ${GOALS.overviewP99} ms: ${result.latency.p50 <= GOALS.overviewP50 && result.latency.p99 <= GOALS.overviewP99 ? 'met' : 'NOT met'}`,
          );
      }
    }
    await duringImport(server, cookie, IMPORT_ROWS);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

export async function runLoadBench(options: { engines: ('pglite' | 'postgres')[]; url: string; seconds?: number }) {
  const seconds = options.seconds ?? Number(process.env.LOAD_SECONDS ?? 30);
  for (const engine of options.engines) {
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'dx-load-'));
      try {
        await runEngine(
          'PGlite (embedded), demo province',
          { ...process.env, DX_DATA_DIR: dir, DATABASE_URL: '' },
          3931,
          seconds,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const schema = `load_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: options.url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      try {
        const url = new URL(options.url);
        url.searchParams.set('options', `-c search_path=${schema}`);
        await runEngine('PostgreSQL, demo province', { ...process.env, DATABASE_URL: url.toString() }, 3932, seconds);
      } finally {
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }
  }
}
