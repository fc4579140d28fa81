import { describe, expect, it } from 'vitest';
import { baseMapConfigFromEnv } from './base-map-config.js';

describe('baseMapConfigFromEnv', () => {
  it('has no base map when no tile URL is set', () => {
    expect(baseMapConfigFromEnv({})).toBeNull();
    expect(baseMapConfigFromEnv({ DX_MAP_TILE_URL: '  ' })).toBeNull();
  });

  it('reads the tile URL, its attribution and the origin to allow', () => {
    expect(
      baseMapConfigFromEnv({
        DX_MAP_TILE_URL: 'https://tiles.example.vn/osm/{z}/{x}/{y}.png',
        DX_MAP_TILE_ATTRIBUTION: '© OpenStreetMap',
        DX_MAP_TILE_MAX_ZOOM: '16',
      }),
    ).toEqual({
      tileUrl: 'https://tiles.example.vn/osm/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
      maxZoom: 16,
      origin: 'https://tiles.example.vn',
    });
  });

  it('names the variable and what is wrong with it', () => {
    expect(() => baseMapConfigFromEnv({ DX_MAP_TILE_URL: 'ftp://x.vn/{z}/{x}/{y}' })).toThrow(/DX_MAP_TILE_URL.*https/);
    expect(() => baseMapConfigFromEnv({ DX_MAP_TILE_URL: 'https://x.vn/{z}/{x}.png' })).toThrow(/lacks \{y\}/);
    expect(() => baseMapConfigFromEnv({ DX_MAP_TILE_URL: 'not a url {z}{x}{y}' })).toThrow(/not a URL/);
    expect(() =>
      baseMapConfigFromEnv({ DX_MAP_TILE_URL: 'https://x.vn/{z}/{x}/{y}.png', DX_MAP_TILE_MAX_ZOOM: '30' }),
    ).toThrow(/DX_MAP_TILE_MAX_ZOOM/);
  });
});
