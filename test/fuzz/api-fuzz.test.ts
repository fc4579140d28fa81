import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { useTestApp } from '../fixtures/test-app.js';
import { isErrorCode } from '../../src/domain/error-codes.js';
import type { RoutePermissionEntry } from '../../src/server/authenticate.js';

/**
 * Generated requests for every route the app registers: hostile path, query and header values (NUL bytes, control
 * characters, 100 kB strings, extreme numbers, repeated keys) and malformed, truncated or wrong-typed JSON and
 * multipart bodies. Each gets an answer below 500 — a problem document with a stable code when refused — within a
 * time limit, and a refused request writes nothing. Reproducible: FUZZ_SEED=<seed> FUZZ_RUNS=<n>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const TIME_LIMIT_MS = 3000;
const testApp = useTestApp();

const UPLOAD_ROUTES = ['/api/imports', '/api/coverage/sites', '/api/coverage/runs'];
const QUERY_KEYS = [
  'unit',
  'indicator',
  'period',
  'from',
  'to',
  'by',
  'year',
  'limit',
  'format',
  'lang',
  'mode',
  'dryRun',
  'descendants',
  'root',
  'technology',
  'returnTo',
  'replace',
  'replaceOverlapping',
  'area',
  'indicators',
  'dataElement',
  'orgUnit',
  'startDate',
  'endDate',
  'children',
];
const HEADER_KEYS = [
  'accept-language',
  'if-match',
  'if-none-match',
  'idempotency-key',
  'x-request-id',
  'authorization',
  'origin',
  'referer',
  'user-agent',
];

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0001\u0002\u001f', '\r\n', "'; drop table audit_log; --", '../../etc'),
  fc.constantFrom('0000', '2025Q9', '2025-13', '99999-01', '2025', '2025-09', '24', 'P1', 'C1', 'SITES', '1e309'),
  fc.constantFrom('x'.repeat(100_000), 'é'.repeat(30_000)),
  fc.double().map(String),
  fc.constantFrom(String(Number.MAX_SAFE_INTEGER * 10), '-1', '0', 'NaN', 'Infinity', '1.5'),
);

/** Header values must be text a client can send: Latin-1 without CR/LF (Node refuses the rest before us). */
const headerText = hostileText.map((t) => t.replace(/[^\x20-\x7e\u00a0-\u00ff\t]/g, '?').slice(0, 4000));

const pathSegment = fc.oneof(
  hostileText.map((t) => encodeURIComponent(t)),
  fc.constantFrom('%', '%zz', '%00', '..', '.', '%2F', 'X1', '1', '00000000-0000-4000-8000-000000000000'),
);

const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), hostileText), {
    maxLength: 6,
  })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

const headers = fc.dictionary(fc.constantFrom(...HEADER_KEYS), headerText, { maxKeys: 4 });

function multipart(parts: { name: string; file: boolean; text: string }[], truncate: number | null): Buffer {
  const boundary = 'fuzzboundary';
  let body = '';
  for (const part of parts) {
    body += `--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"${part.file ? '; filename="f.csv"' : ''}\r\n\r\n${part.text}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  const bytes = Buffer.from(body);
  return truncate === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * truncate));
}

const VALID_CSV = 'indicator,unit,period,value\nSITES,C1,2025-01,1\nFILINGS,C2,2025-02,3\n';

/** A multipart upload as a browser sends it, then cut short or not: what a dropped connection leaves. */
const upload = fc
  .tuple(
    fc.constantFrom('file', 'sites', 'dem', 'population'),
    fc.oneof(fc.constant(VALID_CSV), hostileText),
    fc.array(fc.tuple(fc.constantFrom('period', 'unit', 'mode', 'replace', 'demo', 'technologies'), hostileText), {
      maxLength: 3,
    }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  )
  .map(([field, text, fields, truncate]) => ({
    type: 'multipart/form-data; boundary=fuzzboundary',
    payload: multipart(
      [...fields.map(([name, value]) => ({ name, file: false, text: value })), { name: field, file: true, text }],
      truncate,
    ),
  }));

/** Near-valid JSON: the shapes routes take, with one value hostile. */
const nearValid = fc
  .record({
    indicator: fc.oneof(fc.constantFrom('SITES', 'FILINGS', 'COV'), hostileText),
    unit: fc.oneof(fc.constantFrom('C1', 'C2', 'P1'), hostileText),
    period: fc.oneof(fc.constantFrom('2025-01', '2025Q1', '2025'), hostileText),
    value: fc.oneof(fc.double(), fc.integer(), hostileText, fc.constant(null)),
    version: fc.oneof(fc.integer(), fc.double(), hostileText),
  })
  .map((entry) => ({ type: 'application/json', payload: JSON.stringify({ ...entry, values: [entry] }) }));

const body = fc.oneof(
  upload,
  nearValid,
  fc.jsonValue().map((v) => ({ type: 'application/json', payload: JSON.stringify(v) })),
  fc.string().map((s) => ({ type: 'application/json', payload: `{"${s}` })), // malformed
  fc
    .record({
      values: fc.array(fc.dictionary(fc.constantFrom('indicator', 'unit', 'period', 'value', 'version'), hostileText)),
      unit: hostileText,
      period: hostileText,
      value: fc.oneof(fc.double(), hostileText, fc.constant(null)),
      username: hostileText,
      password: hostileText,
      code: hostileText,
    })
    .map((v) => ({ type: 'application/json', payload: JSON.stringify(v) })),
  fc
    .tuple(
      fc.array(
        fc.record({
          name: fc.constantFrom('file', 'period', 'unit', 'dem', 'x'),
          file: fc.boolean(),
          text: hostileText,
        }),
        { maxLength: 4 },
      ),
      fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    )
    .map(([parts, truncate]) => ({
      type: 'multipart/form-data; boundary=fuzzboundary',
      payload: multipart(parts, truncate),
    })),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({
    type: 'application/octet-stream',
    payload: Buffer.from(bytes),
  })),
);

const request = (routes: RoutePermissionEntry[]) =>
  fc.record({
    // Uploads are where parsers meet hostile bytes: they get a larger share of the requests.
    route: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...routes) },
      { weight: 1, arbitrary: fc.constantFrom(...routes.filter((r) => UPLOAD_ROUTES.includes(r.url))) },
    ),
    segments: fc.array(pathSegment, { minLength: 4, maxLength: 4 }),
    query,
    headers,
    body,
    signedIn: fc.integer({ min: 0, max: 3 }).map((n) => n > 0), // mostly signed in: more routes go past the door
  });

async function counts() {
  const [row] = await testApp.db.query<{ audit: number; values: number; users: number }>(
    `select (select count(*)::int from audit_log) as audit, (select count(*)::int from indicator_value) as values,
            (select count(*)::int from app_user) as users`,
  );
  return row!;
}

describe(`fuzzing every route (seed ${SEED}, ${RUNS} requests)`, () => {
  it('answers every generated request below 500, as a problem document when refused, and refused writes leave nothing', async () => {
    const routes = testApp.app.routePermissions.filter((r) => !r.url.startsWith('/api/auth/oidc'));
    const result = await fc.check(
      fc.asyncProperty(request(routes), async (generated) => {
        let i = 0;
        const url =
          generated.route.url.replace(/:[A-Za-z]+/g, () => generated.segments[i++]!) +
          (generated.query ? `?${generated.query}` : '');
        const hasBody = !['GET', 'DELETE'].includes(generated.route.method);
        const options: InjectOptions = {
          method: generated.route.method as InjectOptions['method'],
          url,
          headers: {
            ...(generated.signedIn ? testApp.admin : {}),
            ...generated.headers,
            ...(hasBody ? { 'content-type': generated.body.type } : {}),
          },
          ...(hasBody ? { payload: generated.body.payload } : {}),
        };
        const before = await counts();
        const started = Date.now();
        const response = await testApp.app.inject(options);
        const elapsed = Date.now() - started;
        const where = `${generated.route.method} ${url.slice(0, 160)} → ${response.statusCode} ${response.body.slice(0, 240)}`;
        expect(response.statusCode, where).toBeLessThan(500);
        expect(elapsed, where).toBeLessThan(TIME_LIMIT_MS);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type'], where).toMatch(/^application\/problem\+json/);
          const code = response.json().code;
          expect(isErrorCode(code), `${where}: unknown code ${code}`).toBe(true);
          expect(await counts(), where).toEqual(before);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // fast-check's own report repeats 100 kB strings; this one names the seed, the path and the first problem.
    if (result.failed) {
      const reason =
        result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(`seed ${SEED}, path ${result.counterexamplePath}: ${reason.slice(0, 1500)}`);
    }
  }, 600_000);
});
