import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { seedDemo } from '../db/seed-demo.js';
import type { ProgressSummary } from '../domain/overview-contract.js';

/** The anonymous public: approved figures of public indicators only, never a draft. */
const testApp = useTestApp(seedDemo);
const anonymous = (url: string) => testApp.app.inject({ method: 'GET', url });
const indicators = (summary: ProgressSummary) => summary.areas.flatMap((a) => a.indicators);

describe('without signing in', () => {
  beforeAll(async () => {
    // A draft entered after the signing, in a period nobody approved yet.
    const draft = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '60309134', period: '2026-01', value: 12.5 },
    });
    expect(draft.statusCode).toBe(201);
  });

  it('opens the overview on the published year with the figures of the signing', async () => {
    const summary = (await anonymous('/api/progress?unit=24')).json<ProgressSummary>();
    expect(summary).toMatchObject({ year: 2025, view: 'published' });
    const coverage = indicators(summary).find((i) => i.code === 'POP_COV_4G')!;
    expect(coverage.current).toBeCloseTo(99.21, 9);
  });

  it('leaves out the indicators that are not public', async () => {
    const summary = (await anonymous('/api/progress?unit=24')).json<ProgressSummary>();
    expect(indicators(summary).map((i) => i.code)).not.toContain('CYBER_INCIDENTS');
    expect((await anonymous('/api/indicators')).json().map((i: { code: string }) => i.code)).not.toContain(
      'CYBER_INCIDENTS',
    );
    expect((await anonymous('/api/indicators/CYBER_INCIDENTS')).statusCode).toBe(404);
  });

  it('never shows a draft: not in the overview, the roll-up, the map or the stored values', async () => {
    const summary = (await anonymous('/api/progress?unit=60309134&year=2026')).json<ProgressSummary>();
    const coverage = indicators(summary).find((i) => i.code === 'POP_COV_4G')!;
    expect(coverage).toMatchObject({ current: null, status: 'not_published', attainment: null });
    expect(coverage.series.every((p) => p.value === null || !p.period.startsWith('2026'))).toBe(true);
    const rollup = (await anonymous('/api/rollup?indicator=POP_COV_4G&unit=60309134&from=2026-01')).json();
    expect(rollup.values[0]).toMatchObject({ value: null, published: false });
    const map = (await anonymous('/api/org-units/24/children/boundaries?indicator=POP_COV_4G&period=2026-01')).json();
    const iaO = map.features.find((f: { id: string }) => f.id === '60309134');
    expect(iaO.properties.value).toBeNull();
    const raw = await anonymous('/api/indicator-values?indicator=POP_COV_4G&unit=60309134&from=2026-01');
    expect(raw.statusCode).toBe(401);
    expect(JSON.stringify(raw.json())).not.toContain('12.5');
  });

  it('shows the same draft to a signed-in viewer', async () => {
    const viewer = await testApp.as({ role: 'viewer' });
    const rollup = await testApp.inject({
      url: '/api/rollup?indicator=POP_COV_4G&unit=60309134&from=2026-01',
      headers: viewer,
    });
    expect(rollup.json().values[0].value).toBe(12.5);
  });
});
