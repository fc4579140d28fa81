import { expect, it } from 'vitest';
import { checkDefinitionShape } from './definition-check.js';

const base = { unitAggregation: 'sum' as const, threshold: null, minValue: null, maxValue: null };

it('asks for a threshold exactly when the rule is a share of units meeting it', () => {
  expect(() => checkDefinitionShape({ ...base, unitAggregation: 'share_meeting' })).toThrow(/threshold/);
  expect(() => checkDefinitionShape({ ...base, threshold: 1 })).toThrow(/only by/);
  expect(() => checkDefinitionShape({ ...base, unitAggregation: 'share_meeting', threshold: 1 })).not.toThrow();
});

it('refuses bounds that cross', () => {
  expect(() => checkDefinitionShape({ ...base, minValue: 5, maxValue: 1 })).toThrow(/above maxValue/);
});
