/**
 * The latest run's province figures per operator, beside the ones they qualify: each operator's covered
 * population (the main one is the agreement's indicator), the largest (ITU 9.c.1) and the union, with the
 * coverage criterion the run used. Shares of the population on the model's grid.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { CoverageResult, Technology } from '../../api/types.js';
import { formatNumber, formatPercent } from '../../format.js';

export interface OperatorFiguresProps {
  lang: Lang;
  result: CoverageResult;
}

export function OperatorFigures({ lang, result }: OperatorFiguresProps) {
  const { t } = useTranslation();
  const id = useId();
  const { total } = result;
  const operators = result.operators ?? Object.keys(total.byOperator ?? {});
  if (!total.byOperator || operators.length === 0 || !(total.population > 0)) return null;
  const share = (covered: number | undefined) =>
    covered === undefined ? '—' : formatPercent((100 * covered) / total.population, 2, lang);
  const techs: readonly Technology[] = result.technologies;
  const main = result.mainOperator ?? operators[0]!;
  return (
    <div className="map-operator-figures">
      {/* Focusable so that a keyboard can scroll it on a phone (the table holds nothing else to focus). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('coverageOperators.title')}>
        <table className="data-table" aria-describedby={`${id}-criterion`}>
          <caption>{t('coverageOperators.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverageOperators.network')}</th>
              {techs.map((tech) => (
                <th key={tech} scope="col">
                  {tech}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {operators.map((operator) => (
              <tr key={operator}>
                <th scope="row">
                  {operator === main
                    ? t('coverageOperators.main', { operator })
                    : t('coverageOperators.ofWhich', { operator })}
                </th>
                {techs.map((tech) => (
                  <td key={tech}>{share(total.byOperator![operator]?.[tech])}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row" title={t('coverageOperators.maxOperatorHint')}>
                {t('coverageOperators.maxOperator')}
              </th>
              {techs.map((tech) => {
                const best = total.maxOperator?.[tech];
                return <td key={tech}>{best ? `${share(best.covered)} (${best.operator})` : '—'}</td>;
              })}
            </tr>
            <tr>
              <th scope="row">{t('coverageOperators.union')}</th>
              {techs.map((tech) => (
                <td key={tech}>{share(total.union?.[tech])}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p id={`${id}-criterion`} className="field-hint">
        {t('coverageOperators.criterion', { criterion: criterionText(result, lang, t) })}
      </p>
    </div>
  );
}

/** The run's criterion in the reader's language; a run stored before criteria existed used the median. */
function criterionText(result: CoverageResult, lang: Lang, t: TFunction): string {
  const criterion = result.coverageCriterion;
  if (!criterion || criterion.kind === 'median') return t('coverageOperators.median');
  const { urban, suburban, rural } = criterion.sigmaDb;
  const number = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1, lang);
  const sigma =
    urban === suburban && suburban === rural
      ? number(urban)
      : t('coverageOperators.sigmaByEnvironment', {
          urban: number(urban),
          suburban: number(suburban),
          rural: number(rural),
        });
  const percent = criterion.reliability * 100;
  return t('coverageOperators.reliability', {
    reliability: formatPercent(percent, Number.isInteger(Math.round(percent * 1e6) / 1e6) ? 0 : 1, lang),
    sigma,
  });
}
