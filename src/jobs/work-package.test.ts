import { expect, it } from 'vitest';
import { packTile, unpackTile } from './work-package.js';

it('carries a tile’s levels, servers and operator bits through the database form', () => {
  const tile = { index: 0, x0: 0, y0: 0, width: 3, height: 2 };
  const level = { '4G': Float32Array.from([-90, NaN, -100, -80, -120, -95]) };
  const server = { '4G': Int32Array.from([0, -1, 2, 1, 1, 0]) };
  const mask = { '4G': Uint8Array.from([1, 0, 3, 2, 0, 5]) };
  const packed = unpackTile(packTile(['2G', '4G'], level, server, 6, mask), ['2G', '4G'], tile);
  expect(packed.level['4G']).toEqual(level['4G']);
  expect(packed.server['4G']).toEqual(server['4G']);
  expect(packed.mask['4G']).toEqual(mask['4G']);
  expect([...packed.mask['2G']!]).toEqual([0, 0, 0, 0, 0, 0]);
  expect([...packed.server['2G']!]).toEqual([-1, -1, -1, -1, -1, -1]);
});
