/**
 * What the map can colour the communes by: the coverage model's computed shares (after a run) and every indicator
 * reported by commune, grouped by cooperation area. Pure functions, so they are easy to test.
 */
import type { Lang, ValueType } from '../../../../src/domain/overview-contract.js';
import type { CoverageRun, IndicatorInfo, Technology } from '../../api/types.js';
import { computedCode } from '../../map/coverage.js';

export interface MapChoice {
  code: string;
  kind: 'computed' | 'reported';
  /** The network technology the indicator is about (population coverage), or null for any other indicator. */
  technology: Technology | null;
  valueType: ValueType;
  decimals: number;
  /** The cooperation area (A1…A8) for a reported indicator; null for the model's figures. */
  areaCode: string | null;
  nameVi: string;
  nameEn: string;
}

/** Coverage indicators are named for their technology: POP_COV_4G, POP_COV_5G_COMPUTED. */
export function technologyOf(code: string): Technology | null {
  const match = /^POP_COV_([2345]G)(?:_COMPUTED)?$/.exec(code);
  return match ? (match[1] as Technology) : null;
}

const COMPUTED_ORDER: readonly Technology[] = ['4G', '2G', '5G', '3G'];

/**
 * The choices: the run's computed coverage (4G first) when a run has succeeded, then every indicator reported by
 * commune in catalogue order. Computed names come from `computedName`, worded by the page.
 */
export function mapChoices(
  run: CoverageRun | null,
  indicators: readonly IndicatorInfo[] | undefined,
  computedName: (tech: Technology, lang: Lang) => string,
): MapChoice[] {
  const choices: MapChoice[] = [];
  const computed = run?.result?.technologies ?? [];
  for (const technology of COMPUTED_ORDER) {
    if (!computed.includes(technology)) continue;
    choices.push({
      code: computedCode(technology),
      kind: 'computed',
      technology,
      valueType: 'percent',
      decimals: 2,
      areaCode: null,
      nameVi: computedName(technology, 'vi'),
      nameEn: computedName(technology, 'en'),
    });
  }
  for (const indicator of indicators ?? []) {
    // The model's shares are in the catalogue too (for those who may read them): listed once, with the model's.
    if (indicator.reportingLevel !== 'commune' || choices.some((c) => c.code === indicator.code)) continue;
    choices.push({
      code: indicator.code,
      kind: /_COMPUTED$/.test(indicator.code) ? 'computed' : 'reported',
      technology: technologyOf(indicator.code),
      valueType: indicator.valueType,
      decimals: indicator.decimals,
      areaCode: indicator.areaCode,
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
    });
  }
  return choices;
}

/** The choice for `?indicator=`; else the first computed one; else reported 4G coverage; else the first. */
export function pickChoice(choices: readonly MapChoice[], wanted: string | null): MapChoice | null {
  return (
    choices.find((c) => c.code === wanted) ??
    choices.find((c) => c.kind === 'computed') ??
    choices.find((c) => c.code === 'POP_COV_4G') ??
    choices[0] ??
    null
  );
}

export const choiceName = (choice: Pick<MapChoice, 'nameVi' | 'nameEn'>, lang: Lang) =>
  lang === 'en' ? choice.nameEn : choice.nameVi;
