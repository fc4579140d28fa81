import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { WriteSummary } from '../../api/types.js';
import { formatCount } from '../../format.js';

export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** How many values a file adds, changes, leaves and deletes. */
export function ChangeStats({ changes, lang }: { changes: WriteSummary; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <dl className="stats stats-changes">
      <Stat label={t('importPage.preview.inserted')} value={formatCount(changes.inserted, lang)} />
      <Stat label={t('importPage.preview.updated')} value={formatCount(changes.updated, lang)} />
      <Stat label={t('importPage.preview.unchanged')} value={formatCount(changes.unchanged, lang)} />
      <Stat label={t('importPage.preview.deleted')} value={formatCount(changes.deleted, lang)} />
    </dl>
  );
}
