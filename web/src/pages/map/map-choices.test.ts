import { describe, expect, it } from 'vitest';
import type { CoverageRun, IndicatorInfo } from '../../api/types.js';
import { mapChoices, pickChoice, technologyOf } from './map-choices.js';
import { periodsWithData } from './map-periods.js';

const indicator = (code: string, partial: Partial<IndicatorInfo> = {}): IndicatorInfo => ({
  code,
  nameVi: `vi ${code}`,
  nameEn: `en ${code}`,
  unitVi: '',
  unitEn: '',
  areaCode: 'A2',
  valueType: 'count',
  reportingLevel: 'commune',
  decimals: 0,
  formula: null,
  minValue: null,
  maxValue: null,
  ...partial,
});

const run = { result: { technologies: ['2G', '4G', '5G'] } } as unknown as CoverageRun;
const name = (tech: string, lang: string) => `${lang}:${tech}`;

describe('mapChoices', () => {
  it('offers the computed coverage first, 4G leading, then every commune indicator but no province one', () => {
    const choices = mapChoices(
      run,
      [
        indicator('POP_COV_4G', { valueType: 'percent', decimals: 2 }),
        indicator('E_INVOICES', { reportingLevel: 'province' }),
        indicator('SITES_5G'),
      ],
      name,
    );
    expect(choices.map((c) => c.code)).toEqual([
      'POP_COV_4G_COMPUTED',
      'POP_COV_2G_COMPUTED',
      'POP_COV_5G_COMPUTED',
      'POP_COV_4G',
      'SITES_5G',
    ]);
    expect(choices[2]).toMatchObject({ technology: '5G', nameVi: 'vi:5G', valueType: 'percent' });
    expect(choices[3]).toMatchObject({ technology: '4G', decimals: 2 });
    expect(choices[4]).toMatchObject({ technology: null, valueType: 'count' });
  });

  it('lists a computed share the catalogue also has only once', () => {
    const choices = mapChoices(run, [indicator('POP_COV_4G_COMPUTED', { areaCode: null })], name);
    expect(choices.filter((c) => c.code === 'POP_COV_4G_COMPUTED')).toHaveLength(1);
    const withoutRun = mapChoices(null, [indicator('POP_COV_4G_COMPUTED', { areaCode: null })], name);
    expect(withoutRun[0]).toMatchObject({ kind: 'computed', technology: '4G' });
  });

  it('picks the asked indicator, else computed, else reported 4G', () => {
    const choices = mapChoices(null, [indicator('SITES_5G'), indicator('POP_COV_4G')], name);
    expect(pickChoice(choices, 'SITES_5G')?.code).toBe('SITES_5G');
    expect(pickChoice(choices, 'NOPE')?.code).toBe('POP_COV_4G');
    expect(pickChoice([], null)).toBeNull();
  });

  it('reads the technology from coverage codes only', () => {
    expect(technologyOf('POP_COV_5G_COMPUTED')).toBe('5G');
    expect(technologyOf('POP_COV_2G')).toBe('2G');
    expect(technologyOf('SITES_5G')).toBeNull();
  });
});

describe('periodsWithData', () => {
  it('lists months with a value and the quarters and years holding them, newest first', () => {
    expect(
      periodsWithData([
        { period: '2024-11', value: 3 },
        { period: '2025-02', value: 0 },
        { period: '2025-07', value: null },
        { period: '2025-08', value: 1 },
      ]),
    ).toEqual({
      years: ['2025', '2024'],
      quarters: ['2025Q3', '2025Q1', '2024Q4'],
      months: ['2025-08', '2025-02', '2024-11'],
    });
  });
});
