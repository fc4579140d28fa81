import { Invalid } from '../errors.js';
import type { UnitAggregation } from './indicator-rule.js';

/** The rules a definition obeys by itself, before the catalogue is consulted (formula references, cycles). */
export function checkDefinitionShape(input: {
  unitAggregation: UnitAggregation;
  threshold: number | null;
  minValue: number | null;
  maxValue: number | null;
}): void {
  if ((input.unitAggregation === 'share_meeting') !== (input.threshold !== null)) {
    throw new Invalid('indicator.threshold', 'A threshold is needed by, and only by, the share_meeting aggregation', [
      {
        path: 'body.threshold',
        message: input.threshold === null ? 'required for share_meeting' : 'only for share_meeting',
      },
    ]);
  }
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) {
    throw new Invalid('indicator.bounds', `minValue ${input.minValue} is above maxValue ${input.maxValue}`, [
      { path: 'body.minValue', message: 'above maxValue' },
    ]);
  }
}
