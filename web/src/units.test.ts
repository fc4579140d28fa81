import { expect, it } from 'vitest';
import { unitTree } from './test-fixtures/overview.js';
import { buildUnitGroups, defaultUnitCode, findUnit, fold, mapUnitsFor, matchesQuery } from './units.js';

it('defaults to the first province', () => {
  expect(defaultUnitCode(unitTree)).toBe('24');
  expect(findUnit(unitTree, '60331002')?.nameVi).toBe('Xã Đức Cơ');
  expect(findUnit(unitTree, 'nope')).toBeUndefined();
});

it('groups the province, then wards and communes sorted by Vietnamese name', () => {
  const groups = buildUnitGroups(unitTree, 'vi');
  expect(groups.map((g) => g.kind)).toEqual(['provinces', 'wards', 'communes']);
  expect(groups[0]?.options.map((o) => o.code)).toEqual(['24']);
  expect(groups[1]?.options.map((o) => o.name)).toEqual(['Phường Bình Định', 'Phường Pleiku', 'Phường Quy Nhơn']);
  // Vietnamese order: A < Â, B, … D < Đ.
  expect(groups[2]?.options.map((o) => o.name)).toEqual([
    'Xã An Lão',
    'Xã Ân Hảo',
    'Xã Bờ Ngoong',
    'Xã Đức Cơ',
    'Xã Ia Grai',
  ]);
});

it('filters accent-insensitively and keeps the selected unit', () => {
  expect(fold('Xã Đức Cơ')).toBe('xa duc co');
  expect(matchesQuery(unitTree.children[0]!.children[4]!, 'duc co')).toBe(true);
  const groups = buildUnitGroups(unitTree, 'vi', 'ia grai', '24');
  expect(groups.flatMap((g) => g.options.map((o) => o.code))).toEqual(['24', '60331001']);
});

it('maps a ?unit= to the province to draw and the commune to select', () => {
  expect(mapUnitsFor(unitTree, null)).toMatchObject({ province: { code: '24' }, commune: null });
  expect(mapUnitsFor(unitTree, '24')).toMatchObject({ province: { code: '24' }, commune: null });
  expect(mapUnitsFor(unitTree, '60331002')).toMatchObject({ province: { code: '24' }, commune: '60331002' });
  expect(mapUnitsFor(unitTree, 'VN')).toMatchObject({ province: { code: '24' }, commune: null });
  expect(mapUnitsFor(unitTree, 'nope')).toMatchObject({ province: { code: '24' }, commune: null });
});
