import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../api/session.js';
import type { CoverageRun } from '../../api/types.js';
import { progressSummary, unitTree } from '../../test-fixtures/overview.js';
import { coverageFigures, lineageOf, mayEnterValues, rolloutIndicators } from './commune-profile.js';

const state = (scope: 'all' | 'assigned' | null, units: string[] = []): SessionState =>
  ({
    signedIn: true,
    signingIn: null,
    user: { username: 'u', displayName: 'U', role: 'commune_officer', party: null, units },
    permissions: scope ? [{ action: 'value.write', scope }] : [],
    csrfToken: null,
    sso: null,
  }) as unknown as SessionState;

describe('mayEnterValues', () => {
  const lineage = ['60331002', '24', 'VN'];
  it('follows the scope: everywhere, the unit itself or a unit above it, never another commune', () => {
    expect(mayEnterValues(state('all'), lineage)).toBe(true);
    expect(mayEnterValues(state('assigned', ['60331002']), lineage)).toBe(true);
    expect(mayEnterValues(state('assigned', ['24']), lineage)).toBe(true);
    expect(mayEnterValues(state('assigned', ['60331003']), lineage)).toBe(false);
    expect(mayEnterValues(state(null), lineage)).toBe(false);
  });
});

describe('lineageOf', () => {
  it('lists the commune, its province and the nation', () => {
    expect(lineageOf(unitTree, '60331002').map((u) => u.code)).toEqual(['60331002', '24', 'VN']);
    expect(lineageOf(unitTree, 'nope')).toEqual([]);
  });
});

describe('coverageFigures', () => {
  const summary = {
    ...progressSummary,
    areas: [
      {
        code: 'A2',
        nameVi: 'Hạ tầng',
        nameEn: 'Infrastructure',
        indicators: [
          { ...progressSummary.areas[0]!.indicators[0]!, code: 'POP_COV_4G', current: 90.15 },
          { ...progressSummary.areas[0]!.indicators[0]!, code: 'POP_COV_2G', current: 94.5 },
        ],
      },
    ],
  };
  const run = {
    result: { units: [{ unit: '60331002', population: 4000, covered: { '4G': 3600, '5G': 1000 } }] },
  } as unknown as CoverageRun;

  it('puts reported and modelled shares side by side by technology, 5G from the model only', () => {
    expect(coverageFigures(summary, run, '60331002')).toEqual([
      { technology: '2G', reported: 94.5, computed: null, uncovered: null },
      { technology: '4G', reported: 90.15, computed: 90, uncovered: 400 },
      { technology: '5G', reported: null, computed: 25, uncovered: 3000 },
    ]);
  });

  it('has only the reported figures without a run', () => {
    expect(coverageFigures(summary, null, '60331002').map((f) => f.technology)).toEqual(['2G', '4G']);
  });
});

describe('rolloutIndicators', () => {
  it('keeps the yes/no indicators', () => {
    expect(rolloutIndicators(progressSummary).map((i) => i.code)).toContain('A1.03');
    expect(rolloutIndicators(progressSummary).every((i) => i.valueType === 'boolean')).toBe(true);
  });
});
