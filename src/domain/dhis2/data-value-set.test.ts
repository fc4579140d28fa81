import { expect, it } from 'vitest';
import { readDataValueSet, type Dhis2Lookups } from './data-value-set.js';

const lookups: Dhis2Lookups = {
  indicatorCode: (id) => ({ fbNJmVLxP0p: 'POP_COV_4G' })[id] ?? id,
  unitCode: (id) => ({ ImspTQPwCqd: '60309134' })[id] ?? id,
  hasIndicator: (code) => ['POP_COV_4G', 'SITES_5G'].includes(code),
  hasUnit: (code) => ['60309134', '24'].includes(code),
};

it('maps ids, periods and values, with set-level defaults', () => {
  const { entries, conflicts } = readDataValueSet(
    {
      period: '202509',
      orgUnit: 'ImspTQPwCqd',
      dataValues: [
        { dataElement: 'fbNJmVLxP0p', value: '98.5' },
        { dataElement: 'SITES_5G', period: '2025Q3', orgUnit: '24', value: '72', comment: 'ok' },
        { dataElement: 'SITES_5G', value: '3', deleted: true },
      ],
    },
    lookups,
  );
  expect(conflicts).toEqual([]);
  expect(entries).toEqual([
    { index: 0, indicator: 'POP_COV_4G', unit: '60309134', period: '2025-09', value: 98.5, comment: null },
    { index: 1, indicator: 'SITES_5G', unit: '24', period: '2025Q3', value: 72, comment: 'ok' },
    { index: 2, indicator: 'SITES_5G', unit: '60309134', period: '2025-09', value: null, comment: null },
  ]);
});

it('reports every conflict with its DHIS2 error code', () => {
  const { entries, conflicts } = readDataValueSet(
    {
      dataValues: [
        { dataElement: 'unknown', orgUnit: '24', period: '2025', value: '1' },
        { dataElement: 'SITES_5G', orgUnit: 'nowhere', period: '2025W36', value: 'many' },
      ],
    },
    lookups,
  );
  expect(entries).toEqual([]);
  expect(conflicts.map((c) => [c.errorCode, c.indexes[0]])).toEqual([
    ['E7610', 0],
    ['E7612', 1],
    ['E7611', 1],
    ['E7619', 1],
  ]);
});
