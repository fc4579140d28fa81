import { expect, it } from 'vitest';
import { Invalid } from '../errors.js';
import { readCoverageCriterion } from './read-criterion.js';

const sigma8 = { urban: 8, suburban: 8, rural: 8 };

it('reads median, a bare reliability or percentage, and the JSON form', () => {
  expect(readCoverageCriterion('median')).toEqual({ kind: 'median' });
  expect(readCoverageCriterion('0.9')).toEqual({ kind: 'reliability', reliability: 0.9, sigmaDb: sigma8 });
  expect(readCoverageCriterion('98 %')).toEqual({ kind: 'reliability', reliability: 0.98, sigmaDb: sigma8 });
  expect(readCoverageCriterion('97,5%').kind === 'reliability' && readCoverageCriterion('97,5%')).toMatchObject({
    reliability: 0.975,
  });
  expect(readCoverageCriterion('{"kind":"reliability","reliability":0.95,"sigmaDb":{"urban":10}}')).toEqual({
    kind: 'reliability',
    reliability: 0.95,
    sigmaDb: { urban: 10, suburban: 8, rural: 8 },
  });
});

it('refuses what it cannot read, naming the field', () => {
  for (const text of ['0.3', '150%', 'best', '{"kind":"reliability","reliability":2}', '{kind:', '{"kind":"p90"}']) {
    expect(() => readCoverageCriterion(text), text).toThrow(Invalid);
  }
  expect(() => readCoverageCriterion('best')).toThrow(/coverageCriterion "best" is neither/);
});
