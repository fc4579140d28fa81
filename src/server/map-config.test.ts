import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { baseMapConfigFromEnv } from '../application/base-map-config.js';

describe('map configuration without a base map', () => {
  const testApp = useTestApp();
  it('tells the public there are no tiles, and the policy names no tile server', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ baseMap: null });
    expect(response.headers['content-security-policy']).toMatch(/img-src 'self' data: blob:;/);
  });
});

describe('map configuration with a base map', () => {
  const baseMap = baseMapConfigFromEnv({
    DX_MAP_TILE_URL: 'https://tiles.example.vn/{z}/{x}/{y}.png',
    DX_MAP_TILE_ATTRIBUTION: '© OpenStreetMap',
  });
  const testApp = useTestApp(undefined, { baseMap });
  it('gives the tiles to the web app and lets the browser load them', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(response.json()).toEqual({
      baseMap: { tileUrl: 'https://tiles.example.vn/{z}/{x}/{y}.png', attribution: '© OpenStreetMap', maxZoom: 18 },
    });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toMatch(/img-src [^;]*https:\/\/tiles\.example\.vn/);
    expect(policy).toMatch(/connect-src [^;]*https:\/\/tiles\.example\.vn/);
  });
});
