import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../../src/domain/overview-contract.js';
import { FormField } from '../../../components/FormField.js';
import { FormProblem } from '../../../components/FormProblem.js';
import type { IndicatorDefinition } from '../indicators/indicator-definition.js';
import { isDivided, SplitTable } from './SplitTable.js';
import { splitTargets, type SplitBasis } from './targets-api.js';

export interface SplitPanelProps {
  indicator: IndicatorDefinition;
  unit: { code: string; name: string };
  /** The province's node, for the communes' names and how many there are. */
  province: UnitTreeNode | undefined;
  hasTargets: boolean;
  lang: Lang;
  onSplit: () => void;
}

/**
 * Passes the province's baseline and targets down to its communes. It writes (and overwrites) every commune's
 * targets, so it asks once more before it does; the answer, each commune's new targets, is shown as a table.
 */
export function SplitPanel({ indicator, unit, province, hasTargets, lang, onSplit }: SplitPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [by, setBy] = useState<SplitBasis>('population');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const split = useMutation({
    mutationFn: () => splitTargets(indicator.code, { unit: unit.code, by, reason: reason.trim() || null }, lang),
    onSuccess: () => {
      setConfirming(false);
      onSplit();
    },
  });
  // The server refuses these too; saying why here saves a round trip.
  const blocked =
    indicator.unitAggregation === 'share_meeting'
      ? t('adminTargets.splitShareMeeting')
      : !hasTargets
        ? t('adminTargets.splitNothing')
        : null;
  const communes = province?.children.length ?? 0;

  return (
    <section className="admin-indicator-form targets-split" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="admin-form-title">
        {t('adminTargets.splitTitle')}
      </h3>
      <p className="muted">{isDivided(indicator) ? t('adminTargets.splitCounts') : t('adminTargets.splitPercent')}</p>
      {blocked ? (
        <p className="notice notice-inline">{blocked}</p>
      ) : (
        <>
          <fieldset className="targets-fieldset">
            <legend>{t('adminTargets.splitBy')}</legend>
            {(['population', 'baseline'] as const).map((basis) => (
              <label key={basis} className="targets-radio">
                <input
                  type="radio"
                  name={`${id}-by`}
                  value={basis}
                  checked={by === basis}
                  onChange={() => setBy(basis)}
                />
                {t(`adminTargets.by.${basis}`)}
              </label>
            ))}
          </fieldset>
          <FormField label={t('adminTargets.splitReason')} hint={t('adminTargets.reasonHint')}>
            <input
              className="input"
              type="text"
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          {confirming ? (
            <div className="notice notice-inline targets-confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
              <p id={`${id}-confirm`}>{t('adminTargets.splitConfirm', { count: communes, unit: unit.name })}</p>
              <div className="admin-form-actions">
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t('adminTargets.cancel')}
                </button>
                <button type="button" className="button" disabled={split.isPending} onClick={() => split.mutate()}>
                  {split.isPending ? t('adminTargets.splitting') : t('adminTargets.splitYes')}
                </button>
              </div>
            </div>
          ) : (
            <div className="admin-form-actions">
              <button type="button" className="button" onClick={() => setConfirming(true)}>
                {t('adminTargets.split')}
              </button>
            </div>
          )}
          <FormProblem error={split.error} />
        </>
      )}
      {split.data && (
        <>
          <p className="muted" role="status">
            {t('adminTargets.splitDone', { count: split.data.length })}
          </p>
          <SplitTable result={split.data} indicator={indicator} province={province} lang={lang} />
        </>
      )}
    </section>
  );
}
