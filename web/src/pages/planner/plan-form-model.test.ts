import { describe, expect, it } from 'vitest';
import { PlanSettingsSchema } from '../../../../src/domain/planner/plan-settings.js';
import {
  parseCodes,
  planFormDefaults,
  planFormSchema,
  readFormError,
  toPlanSettings,
  type PlanFormInput,
} from './plan-form-model.js';

const filled = (changes: Partial<PlanFormInput> = {}, lang: 'vi' | 'en' = 'vi'): PlanFormInput => ({
  ...planFormDefaults(lang, 2026),
  name: 'Biên giới trước',
  ...changes,
});

function issuesOf(input: PlanFormInput, lang: 'vi' | 'en' = 'vi') {
  const parsed = planFormSchema(lang).safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), ...readFormError(i.message) }));
}

describe('the planning form', () => {
  it('sends the defaults as settings the API accepts, with only the chosen limit', () => {
    const values = planFormSchema('vi').parse(filled());
    const body = toPlanSettings(values, 'vi');
    expect(body).toMatchObject({ name: 'Biên giới trước', maxSites: 20, weights: { economicZone: 1, border: 1 } });
    expect(body).not.toHaveProperty('budget');
    expect(body).not.toHaveProperty('phases');
    expect(body.candidates.generated).toEqual({
      use: true,
      latticeKm: 2,
      minSpacingKm: 1.5,
      cost: 2,
      excludedAreas: [],
      excludedMarginM: 0,
    });
    expect(PlanSettingsSchema.safeParse(body).success).toBe(true);
  });

  it('sends the sites’ 5G radio, and names a band out of range', () => {
    const values = planFormSchema('vi').parse(filled({ radioBandMhz: '3.500', radioHeightM: '42,5' }));
    expect(toPlanSettings(values, 'vi').candidates.radio).toMatchObject({
      bandMhz: 3500,
      txPowerDbm: 45,
      antennaHeightM: 42.5,
    });
    expect(issuesOf(filled({ radioBandMhz: '100' }))).toEqual([
      { path: 'radioBandMhz', key: 'range', values: ['450', '7125'] },
    ]);
  });

  it('sends the excluded areas read from a file with their margin', () => {
    const area = {
      name: 'Rừng',
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [107.5, 13.9],
            [107.6, 13.9],
            [107.6, 14],
            [107.5, 13.9],
          ] as [number, number][],
        ],
      },
    };
    const values = planFormSchema('vi').parse(filled({ excludedAreas: [area], excludedMarginM: '1.000' }));
    const body = toPlanSettings(values, 'vi');
    expect(body.candidates.generated).toMatchObject({ excludedAreas: [area], excludedMarginM: 1000 });
    expect(PlanSettingsSchema.safeParse(body).success).toBe(true);
    expect(issuesOf(filled({ excludedMarginM: '-1' }))).toEqual([
      { path: 'excludedMarginM', key: 'range', values: ['0', '20000'] },
    ]);
  });

  it('reads Vietnamese numbers with a decimal comma and grouping dots', () => {
    const values = planFormSchema('vi').parse(
      filled({ limitKind: 'budget', budget: '1.500,5', weightBorder: '2,5', minSpacingKm: '0,8' }),
    );
    const body = toPlanSettings(values, 'vi');
    expect(body.budget).toBe(1500.5);
    expect(body.weights.border).toBe(2.5);
    expect(body.candidates.generated.minSpacingKm).toBe(0.8);
    expect(body).not.toHaveProperty('maxSites');
  });

  it('sends phases by year, each with the limits given, and nothing else', () => {
    const values = planFormSchema('en').parse(
      filled(
        {
          limitKind: 'phases',
          maxSites: 'ignored',
          phases: [
            { year: '2026', maxSites: '10', budget: '' },
            { year: '2027', maxSites: '', budget: '30.5' },
          ],
        },
        'en',
      ),
    );
    const body = toPlanSettings(values, 'en');
    expect(body.phases).toEqual([
      { year: 2026, maxSites: 10 },
      { year: 2027, budget: 30.5 },
    ]);
    expect(body).not.toHaveProperty('maxSites');
    expect(PlanSettingsSchema.safeParse(body).success).toBe(true);
  });

  it('names each wrong field with the reason', () => {
    expect(issuesOf(filled({ name: ' ', maxSites: '2,5', weightBorder: '101' }))).toEqual([
      { path: 'name', key: 'required', values: [] },
      { path: 'weightBorder', key: 'range', values: ['0', '100'] },
      { path: 'maxSites', key: 'wholeNumber', values: [] },
    ]);
    expect(issuesOf(filled({ limitKind: 'budget', budget: '' }))).toEqual([
      { path: 'budget', key: 'required', values: [] },
    ]);
  });

  it('refuses a phase without a limit, a repeated year, no kind of site and a code both forced and excluded', () => {
    const issues = issuesOf(
      filled({
        limitKind: 'phases',
        phases: [
          { year: '2026', maxSites: '', budget: '' },
          { year: '2026', maxSites: '5', budget: '' },
        ],
        existingMastsUse: false,
        generatedUse: false,
        mandatory: 'G-1, G-2',
        excluded: 'G-2',
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'phases.0.maxSites', key: 'phaseLimit', values: [] },
        { path: 'phases.1.year', key: 'phaseYears', values: [] },
        { path: 'generatedUse', key: 'noCandidates', values: [] },
        { path: 'mandatory', key: 'mandatoryExcluded', values: ['G-2'] },
      ]),
    );
  });

  it('splits codes on commas, semicolons and spaces, dropping repeats', () => {
    expect(parseCodes(' M-1, M-2;M-3  M-1,,')).toEqual(['M-1', 'M-2', 'M-3']);
    expect(parseCodes('')).toEqual([]);
  });
});
