import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { formatDateTime } from '../../format-dates.js';
import { formatNumber } from '../../format.js';
import type { StoredValue } from './entry-api.js';
import type { EntryIndicator } from './entry-model.js';

export interface Conflict {
  index: number;
  indicator: EntryIndicator;
  /** The value this form tried to save. */
  mine: number | null;
  /** What the server holds now. */
  current: StoredValue;
}

export interface ConflictListProps {
  conflicts: readonly Conflict[];
  lang: Lang;
  busy: boolean;
  onKeepMine: (conflict: Conflict) => void;
  onKeepTheirs: (conflict: Conflict) => void;
}

/** Values someone else saved meanwhile (412): both values side by side, and the choice of which to keep. */
export function ConflictList({ conflicts, lang, busy, onKeepMine, onKeepTheirs }: ConflictListProps) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <section className="notice notice-warn entry-conflicts" role="alert" aria-labelledby="entry-conflicts-title">
      <h2 className="notice-title" id="entry-conflicts-title">
        {t('entry.conflict.title')}
      </h2>
      <p>{t('entry.conflict.detail')}</p>
      <ul className="entry-conflict-list">
        {conflicts.map((conflict) => {
          const shown = (value: number | null) =>
            value === null ? t('entry.empty') : formatNumber(value, conflict.indicator.decimals, lang);
          const name = lang === 'en' ? conflict.indicator.nameEn : conflict.indicator.nameVi;
          return (
            <li key={conflict.indicator.code} className="entry-conflict">
              <p className="entry-conflict-name">
                {conflict.indicator.code} {name}
              </p>
              <p>{t('entry.conflict.mine', { value: shown(conflict.mine) })}</p>
              <p>
                {t('entry.conflict.theirs', {
                  value: shown(conflict.current.value),
                  by: conflict.current.updatedBy ?? '—',
                  at: conflict.current.updatedAt ? formatDateTime(conflict.current.updatedAt, lang) : '—',
                })}
              </p>
              <div className="entry-conflict-actions">
                <button type="button" className="button" disabled={busy} onClick={() => onKeepMine(conflict)}>
                  {t('entry.conflict.keepMine')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => onKeepTheirs(conflict)}
                >
                  {t('entry.conflict.keepTheirs')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
