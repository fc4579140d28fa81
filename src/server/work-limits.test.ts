import { afterAll, beforeAll, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { workLimitsPlugin } from './work-limits.js';
import { problemHandler } from './problem.js';

let app: FastifyInstance;
let release: () => void = () => {};
let gone: AbortSignal | null = null;
const slow = { name: 'slow things', running: 1, waiting: 1, retryAfterSeconds: 7 };

beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler(problemHandler);
  await app.register(workLimitsPlugin);
  app.get('/slow', { config: { workLimit: slow } }, async () => {
    await new Promise<void>((resolve) => (release = resolve));
    return { done: true };
  });
  app.get('/hang', async (request) => {
    gone = request.clientGone;
    await new Promise((resolve) => request.clientGone.addEventListener('abort', resolve));
    return {};
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

it('runs what the limit allows, queues what may wait, and refuses the rest at once with 503 and Retry-After', async () => {
  const first = app.inject('/slow');
  await new Promise((r) => setTimeout(r, 20));
  const second = app.inject('/slow');
  await new Promise((r) => setTimeout(r, 20));
  const third = await app.inject('/slow');
  expect(third.statusCode).toBe(503);
  expect(third.headers['retry-after']).toBe('7');
  expect(third.headers['content-type']).toMatch(/problem\+json/);
  expect(third.json().code).toBe('request.busy');
  release();
  expect((await first).statusCode).toBe(200);
  await new Promise((r) => setTimeout(r, 20));
  release();
  expect((await second).statusCode).toBe(200);
});

it('tells the work when its client has gone away, and not when the answer was sent', async () => {
  const { port } = app.server.address() as AddressInfo;
  const req = httpRequest({ host: '127.0.0.1', port, path: '/hang' });
  req.on('error', () => {});
  req.end();
  await new Promise((r) => setTimeout(r, 100));
  expect(gone?.aborted).toBe(false);
  req.destroy();
  await new Promise((r) => setTimeout(r, 100));
  expect(gone?.aborted).toBe(true);
});
