import type { Queryable } from './database.js';

import type { Technology } from '../domain/coverage/technology.js';

export type { Technology };

/** Codes of the indicators a coverage run writes, per technology. */
export const coveredPopulationCode = (technology: Technology) => `COVERED_POP_${technology}`;
export const computedShareCode = (technology: Technology) => `POP_COV_${technology}_COMPUTED`;
export const GRID_POPULATION_CODE = 'GRID_POP';

const NAMES: Record<Technology, { vi: string; en: string }> = {
  '2G': { vi: '2G', en: '2G' },
  '3G': { vi: '3G', en: '3G' },
  '4G': { vi: '4G', en: '4G' },
  '5G': { vi: '5G', en: '5G' },
};

/**
 * Makes sure the indicators a coverage run writes exist: the population on the analysis grid, the
 * covered population per technology (counts per commune), and the computed share as a formula over
 * them — a ratio of sums, so the province share is Σ covered ÷ Σ people, never an average of shares.
 * A reported indicator POP_COV_xG is linked to its computed twin, shown beside it, never replaced.
 */
export async function ensureCoverageIndicators(tx: Queryable, technologies: readonly Technology[]): Promise<void> {
  const insert = (
    code: string,
    nameVi: string,
    nameEn: string,
    unitVi: string,
    unitEn: string,
    valueType: string,
    formula: string | null,
    areaOf: string | null,
  ) =>
    tx.query(
      `insert into indicator (code, name_vi, name_en, unit_vi, unit_en, area_id, pillar, value_type, unit_aggregation, time_aggregation,
                              direction, reporting_level, decimals, formula, position)
       values ($1, $2, $3, $4, $5, (select area_id from indicator where code = $8), 'infrastructure', $6, 'sum', 'last', 'higher', 'commune',
               $9, $7, (select coalesce(max(position), 0) + 1 from indicator))
       on conflict (code) do nothing`,
      [code, nameVi, nameEn, unitVi, unitEn, valueType, formula, areaOf, formula ? 2 : 0],
    );
  await insert(
    GRID_POPULATION_CODE,
    'Dân số trên lưới tính toán phủ sóng',
    'Population on the coverage grid',
    'người',
    'people',
    'count',
    null,
    null,
  );
  for (const technology of technologies) {
    const name = NAMES[technology];
    const reported = `POP_COV_${technology}`;
    await insert(
      coveredPopulationCode(technology),
      `Dân số được phủ sóng ${name.vi} (tính toán)`,
      `Population covered by ${name.en} (computed)`,
      'người',
      'people',
      'count',
      null,
      null,
    );
    await insert(
      computedShareCode(technology),
      `Tỷ lệ dân số được phủ sóng ${name.vi} (tính toán)`,
      `Population covered by ${name.en} (computed)`,
      '% dân số',
      '% of population',
      'percent',
      `100 * {${coveredPopulationCode(technology)}} / {${GRID_POPULATION_CODE}}`,
      reported,
    );
    await tx.query('update indicator set computed_code = $2 where code = $1 and computed_code is null', [
      reported,
      computedShareCode(technology),
    ]);
  }
}
