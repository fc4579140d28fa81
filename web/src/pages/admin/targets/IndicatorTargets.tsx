import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../../src/domain/overview-contract.js';
import { ProblemNotice } from '../../../components/ProblemNotice.js';
import { formatValue } from '../../../format.js';
import { useCan } from '../../../session.js';
import { unitName } from '../../../units.js';
import type { IndicatorDefinition } from '../indicators/indicator-definition.js';
import { SplitPanel } from './SplitPanel.js';
import { TargetForm } from './TargetForm.js';
import { targetsQuery, type TargetRow } from './targets-api.js';
import { LoadingPanel } from '../../../components/LoadingPanel.js';

export interface IndicatorTargetsProps {
  indicator: IndicatorDefinition;
  province: UnitTreeNode;
  period: { from: number; to: number };
  lang: Lang;
}

/**
 * One indicator's targets for the province. Those who may set targets get the form and the split; the others
 * (and the server refuses them anyway) see the stored figures only.
 */
export function IndicatorTargets({ indicator, province, period, lang }: IndicatorTargetsProps) {
  const { t } = useTranslation();
  const mayWrite = useCan('target.write');
  const queryClient = useQueryClient();
  const query = targetsQuery(indicator.code, province.code, lang);
  const targets = useQuery(query);
  const [saved, setSaved] = useState(false);
  const unit = { code: province.code, name: unitName(province, lang) };

  if (targets.error)
    return <ProblemNotice error={targets.error} title={t('error.title')} onRetry={() => void targets.refetch()} />;
  if (!targets.data) return <LoadingPanel>{t('adminTargets.loadingTargets')}</LoadingPanel>;
  const stored = targets.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: query.queryKey });

  return (
    <>
      <p className="muted" role="status">
        {saved && t('adminTargets.saved')}
      </p>
      {mayWrite ? (
        <>
          <TargetForm
            key={`${indicator.code}:${stored.version ?? 'none'}`}
            indicator={indicator}
            unit={unit}
            stored={stored}
            period={period}
            lang={lang}
            onSaved={() => {
              setSaved(true);
              reload();
            }}
            onReload={reload}
          />
          <SplitPanel
            indicator={indicator}
            unit={unit}
            province={province}
            hasTargets={stored.rows.length > 0}
            lang={lang}
            onSplit={() => void queryClient.invalidateQueries({ queryKey: ['indicator-targets', indicator.code] })}
          />
        </>
      ) : (
        <>
          <p className="notice notice-inline">{t('adminTargets.readOnly')}</p>
          <StoredTargetList rows={stored.rows} indicator={indicator} unitName={unit.name} lang={lang} />
        </>
      )}
    </>
  );
}

interface StoredTargetListProps {
  rows: readonly TargetRow[];
  indicator: IndicatorDefinition;
  unitName: string;
  lang: Lang;
}

function StoredTargetList({ rows, indicator, unitName: name, lang }: StoredTargetListProps) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('adminTargets.none', { unit: name })}</p>;
  return (
    <table className="data-table admin-table">
      <caption>{t('adminTargets.formTitle', { unit: name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adminTargets.columns.year')}</th>
          <th scope="col">{t('adminTargets.columns.kind')}</th>
          <th scope="col" className="num">
            {t('adminTargets.columns.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.kind}:${row.year}`}>
            <td>{row.year}</td>
            <td>{t(`adminTargets.kind.${row.kind}`)}</td>
            <td className="num">{formatValue(row.value, indicator.valueType, indicator.decimals, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
