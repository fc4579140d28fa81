/** The data checks screen's reads: the rules (for their names) and the findings of a unit in a month. */
import { queryOptions } from '@tanstack/react-query';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { getValidation, getValidationRules } from '../../api/client.js';

export const validationRulesQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['validation-rules', lang],
    queryFn: ({ signal }) => getValidationRules({ signal, lang }),
    staleTime: 5 * 60_000,
  });

export const validationQuery = (unit: string, period: string, lang: Lang) =>
  queryOptions({
    queryKey: ['validation', unit, period, lang],
    queryFn: ({ signal }) => getValidation(unit, period, { signal, lang }),
  });
