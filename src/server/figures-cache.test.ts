import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { seedDemo } from '../db/seed-demo.js';
import { matchesTag } from './figures-cache.js';
import type { ProgressSummary } from '../domain/overview-contract.js';

const testApp = useTestApp(seedDemo);
const coverageIn = (summary: ProgressSummary) =>
  summary.areas.flatMap((a) => a.indicators).find((i) => i.code === 'POP_COV_4G')!;
const ROLLUP = '/api/rollup?indicator=POP_COV_4G&unit=24&from=2026-01';

describe('figures answers with entity tags', () => {
  it('answers 304 to a client that has the current answer, and a new tag once the figures change', async () => {
    const first = await testApp.inject({ url: ROLLUP });
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^W\/"f\d+-all"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await testApp.inject({ url: ROLLUP, headers: { 'if-none-match': tag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const write = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '60309134', period: '2026-01', value: 50 },
    });
    expect(write.statusCode).toBe(201);
    const after = await testApp.inject({ url: ROLLUP, headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(after.json().values[0].reported).toBe(first.json().values[0].reported + 1);
  });

  it('serves the same answer from memory until a change, never a stale one after it', async () => {
    const url = '/api/progress?unit=24&year=2026';
    const before = coverageIn((await testApp.inject({ url })).json<ProgressSummary>());
    const cached = coverageIn((await testApp.inject({ url })).json<ProgressSummary>());
    expect(cached).toEqual(before);
    const write = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '60309134', period: '2026-02', value: 90 },
    });
    expect(write.statusCode).toBe(201);
    const after = coverageIn((await testApp.inject({ url })).json<ProgressSummary>());
    expect(after.current).not.toBe(before.current);
    expect(after.series.find((p) => p.period === '2026-02')!.value).not.toBe(
      before.series.find((p) => p.period === '2026-02')!.value,
    );
  });

  it('keeps the public’s answer apart from a signed-in reader’s: a draft cached for one never reaches the other', async () => {
    const signedIn = await testApp.inject({ url: ROLLUP });
    expect(signedIn.json().values[0].value).not.toBeNull();
    const anonymous = await testApp.app.inject({ url: ROLLUP });
    expect(anonymous.headers.etag).toMatch(/-published"$/);
    expect(anonymous.json().values[0]).toMatchObject({ value: null, published: false });
    const replay = await testApp.app.inject({ url: ROLLUP, headers: { 'if-none-match': signedIn.headers.etag } });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().values[0].value).toBeNull();
  });
});

describe('matchesTag', () => {
  it('compares weakly, in lists and with *', () => {
    expect(matchesTag('W/"f3-all"', 'W/"f3-all"')).toBe(true);
    expect(matchesTag('"f3-all"', 'W/"f3-all"')).toBe(true);
    expect(matchesTag('"x", W/"f3-all"', 'W/"f3-all"')).toBe(true);
    expect(matchesTag('*', 'W/"f3-all"')).toBe(true);
    expect(matchesTag('W/"f4-all"', 'W/"f3-all"')).toBe(false);
    expect(matchesTag(undefined, 'W/"f3-all"')).toBe(false);
  });
});
