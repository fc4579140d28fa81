import { afterAll, beforeAll, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { buildApp } from './app.js';

/** What HTTP itself refuses is a problem document with its own stable code too: 400, 413, 415, 429, 431. */
let db: TestDatabase;
let app: FastifyInstance;
let port = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  app = await buildApp({ db, rateLimitPerMinute: 20 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

function raw(path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: text,
            headers: res.headers,
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

const problem = (response: { type: string; body: string }) => {
  expect(response.type).toMatch(/^application\/problem\+json/);
  return JSON.parse(response.body) as { code: string; status: number };
};

it('431 for headers larger than the server takes', async () => {
  const response = await raw('/api/health', { 'x-padding': 'x'.repeat(20_000) });
  expect(response.status).toBe(431);
  expect(problem(response).code).toBe('request.headers_too_large');
});

it('413 for a body over the limit, 415 for a type it does not take, 400 for malformed JSON', async () => {
  const big = await raw('/api/auth/login', { 'content-type': 'application/json' }, `"${'x'.repeat(11 * 1024 * 1024)}"`);
  expect(big.status).toBe(413);
  expect(problem(big).code).toBe('request.body_too_large');
  const xml = await raw('/api/auth/login', { 'content-type': 'application/xml' }, '<login/>');
  expect(xml.status).toBe(415);
  expect(problem(xml).code).toBe('request.unsupported_media_type');
  const broken = await raw('/api/auth/login', { 'content-type': 'application/json' }, '{"username": "an');
  expect(broken.status).toBe(400);
  expect(problem(broken).code).toBe('request.malformed_json');
});

it('400, never 500, for a NUL byte in a query or a header and for a period outside the years', async () => {
  const nul = await raw('/api/rollup?indicator=SITES%00&unit=P1&from=2025');
  expect(nul.status).toBe(400);
  const header = await raw('/api/health', { 'x-request-id': 'a\u0001b' }).catch(() => ({
    status: 400,
    type: '',
    body: '',
    headers: {},
  }));
  expect(header.status).toBeLessThan(500);
  const period = await raw('/api/rollup?indicator=SITES&unit=P1&from=0000');
  expect(period.status).toBe(400);
  expect(problem(period).code).toBe('request.invalid');
});

it('words problem details in the language Accept-Language asks for', async () => {
  const vi = await raw('/api/indicator-values?indicator=SITES&unit=P1', {
    'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
  });
  expect(vi.status).toBe(401);
  expect(vi.headers['content-language']).toBe('vi');
  expect(JSON.parse(vi.body)).toMatchObject({
    code: 'auth.required',
    detail: 'Vui lòng đăng nhập để thực hiện thao tác này',
  });
  const en = await raw('/api/indicator-values?indicator=SITES&unit=P1', { 'accept-language': 'en' });
  expect(JSON.parse(en.body).detail).toBe('Sign in to do this');
  // A detail naming what was not found keeps the name in Vietnamese too.
  const missing = await raw('/api/indicators/NOT_THERE', { 'accept-language': 'vi' });
  expect(JSON.parse(missing.body)).toMatchObject({
    code: 'indicator.not_found',
    detail: 'Không có chỉ tiêu mã "NOT_THERE"',
  });
});

it('429 with Retry-After when one client asks too often', async () => {
  let last = { status: 0, type: '', body: '', headers: {} as Record<string, unknown> };
  for (let i = 0; i < 25 && last.status !== 429; i++) last = await raw('/api/health');
  expect(last.status).toBe(429);
  expect(problem(last).code).toBe('request.rate_limited');
  expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
});
