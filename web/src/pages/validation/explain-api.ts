/** Marking a finding explained and taking it back (PUT / DELETE /api/validation/explanations). */
import { apiDelete, apiPutJson } from '../../api/client.js';
import type { Violation } from '../../api/types.js';
import type { Lang } from '../../../../src/domain/overview-contract.js';

const PATH = '/validation/explanations';

const keyOf = (v: Violation) => ({ ruleCode: v.ruleCode, indicator: v.indicator, unit: v.unit, period: v.period });

export function putExplanation(v: Violation, comment: string, lang: Lang): Promise<unknown> {
  return apiPutJson(PATH, { ...keyOf(v), comment }, { lang });
}

export function deleteExplanation(v: Violation, lang: Lang): Promise<void> {
  const { indicator, ...rest } = keyOf(v);
  return apiDelete(PATH, indicator === null ? rest : { ...rest, indicator }, { lang });
}
