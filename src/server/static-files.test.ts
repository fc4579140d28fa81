import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';

const webRoot = mkdtempSync(join(tmpdir(), 'dx-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>DX Compact</title>');
const script = 'console.log("hello");'.repeat(200);
writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), script);
writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

describe('the built web app', () => {
  const t = useTestApp(undefined, { webRoot });

  it('sends the precompressed asset to a browser that accepts it, cached for good (the name is a content hash)', async () => {
    const res = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the plain asset to a client that accepts no compression', async () => {
    const res = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
  });

  it('answers a screen path with the app shell, revalidated on every visit', async () => {
    const res = await t.app.inject({ url: '/xa/60309134' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>DX Compact</title>');
    expect(res.headers['cache-control']).not.toContain('immutable');
  });
});
