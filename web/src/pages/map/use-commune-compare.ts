/** Reported and computed coverage of one commune for a period, technology by technology, for the side panel. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { getRollup } from '../../api/client.js';
import type { Technology } from '../../api/types.js';
import { computedCode, MAP_TECHNOLOGIES, REPORTED_TECHNOLOGIES, reportedCode } from '../../map/coverage.js';

export interface CompareRow {
  technology: Technology;
  /** undefined: no such indicator; null: no data. */
  reported: number | null | undefined;
  computed: number | null | undefined;
}

export function useCommuneCompare(
  lang: Lang,
  commune: string | null,
  period: string | null,
  computedTechnologies: readonly Technology[],
) {
  return useQuery({
    queryKey: ['map', 'compare', commune, period, computedTechnologies.join(','), lang],
    enabled: commune !== null && period !== null,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<CompareRow[]> => {
      // One missing figure (an indicator the public may not read) leaves its cell empty, not the whole table.
      const value = async (indicator: string) => {
        try {
          const r = await getRollup({ indicator, unit: commune!, from: period! }, { signal, lang });
          return (r.values.find((v) => v.period === period) ?? r.values[0])?.value ?? null;
        } catch (err) {
          if (signal.aborted) throw err;
          return null;
        }
      };
      return Promise.all(
        MAP_TECHNOLOGIES.map(async (technology) => ({
          technology,
          reported: REPORTED_TECHNOLOGIES.includes(technology) ? await value(reportedCode(technology)) : undefined,
          computed: computedTechnologies.includes(technology) ? await value(computedCode(technology)) : undefined,
        })),
      );
    },
  });
}
