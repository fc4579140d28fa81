/**
 * Query options for the reads many screens share: one key per resource and language, so that a screen opened
 * second shows the cached answer at once. A screen's own reads live beside it, built the same way.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Lang } from '../../../src/domain/overview-contract.js';
import { AGREEMENT_CODE, getAgreement, getIndicators, getProgress, getUnitTree } from './client.js';

export const agreementQuery = (lang: Lang, code = AGREEMENT_CODE) =>
  queryOptions({
    queryKey: ['agreement', code, lang],
    queryFn: ({ signal }) => getAgreement(code, { signal, lang }),
    staleTime: 5 * 60_000,
  });

export const unitTreeQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['org-units', 'tree', lang],
    queryFn: ({ signal }) => getUnitTree({ signal, lang }),
    staleTime: 10 * 60_000,
  });

export const indicatorsQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['indicators', lang],
    queryFn: ({ signal }) => getIndicators({ signal, lang }),
    staleTime: 5 * 60_000,
  });

export const progressQuery = (lang: Lang, unit: string, year?: number) =>
  queryOptions({
    queryKey: ['progress', unit, year ?? 'default', lang],
    queryFn: ({ signal }) => getProgress(unit, year, { signal, lang }),
  });
