import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang, ValueType } from '../../../../src/domain/overview-contract.js';
import { formatValue } from '../../format.js';
import { historyQuery, type UnitRow } from './indicator-api.js';
import { unitLabel } from './UnitTable.js';

function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Who changed one commune's value, when, and from what to what (from the audit log). */
export function ValueHistoryPanel(props: {
  code: string;
  row: UnitRow;
  period: string;
  lang: Lang;
  valueType: ValueType;
  decimals: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { code, row, period, lang, valueType, decimals } = props;
  const history = useQuery(historyQuery(code, row.code, period, lang));
  const show = (value: number | null) => formatValue(value, valueType, decimals, lang);
  return (
    <section className="indicator-history" aria-labelledby="indicator-history-title">
      <div className="indicator-history-head">
        <h2 id="indicator-history-title">{t('indicatorPage.historyOf', { unit: unitLabel(row, lang) })}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {t('indicatorPage.historyClose')}
        </button>
      </div>
      {history.isPending && <p role="status">{t('indicatorPage.historyLoading')}</p>}
      {history.error && <p role="alert">{history.error.message}</p>}
      {history.data && (
        <>
          {history.data.source && (
            <p>
              {t('indicatorPage.historySource', {
                source: t(`indicatorPage.source.${history.data.source}`, { defaultValue: history.data.source }),
              })}
            </p>
          )}
          {history.data.changes.length === 0 ? (
            <p>{t('indicatorPage.historyEmpty')}</p>
          ) : (
            <ol className="indicator-history-list">
              {[...history.data.changes].reverse().map((change) => (
                <li key={`${change.at}-${change.action}`}>
                  <strong>{t(`indicatorPage.action.${change.action}`, { defaultValue: change.action })}</strong>{' '}
                  {t('indicatorPage.historyChange', { old: show(change.oldValue), new: show(change.newValue) })}
                  <br />
                  <small>
                    {t('indicatorPage.historyBy', { actor: change.actor, at: formatTime(change.at, lang) })}
                    {change.reason && ` · ${change.reason}`}
                  </small>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
