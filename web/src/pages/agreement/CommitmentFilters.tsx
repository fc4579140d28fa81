import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { Agreement } from '../../api/types.js';
import { FormField } from '../../components/FormField.js';
import { COMMITMENT_STATUSES, GENERAL, isFiltered, type CommitmentFilter } from './agreement-view.js';

export interface CommitmentFiltersProps {
  agreement: Agreement;
  filter: CommitmentFilter;
  lang: Lang;
  /** How many commitments the filter lets through. */
  shown: number;
  onChange: (changes: Partial<Record<keyof CommitmentFilter, string | null>>) => void;
}

/** Area, lead party and status, each a plain select (keyboard and screen readers need nothing more). */
export function CommitmentFilters({ agreement, filter, lang, shown, onChange }: CommitmentFiltersProps) {
  const { t } = useTranslation();
  const value = (v: string | null) => v ?? '';
  const pick = (key: keyof CommitmentFilter) => (event: { target: { value: string } }) =>
    onChange({ [key]: event.target.value || null });
  return (
    <div className="agreement-filters" role="group" aria-label={t('agreementPage.filtersLabel')}>
      <FormField label={t('agreementPage.filterArea')}>
        <select className="input" value={value(filter.area)} onChange={pick('area')}>
          <option value="">{t('agreementPage.any')}</option>
          {agreement.areas.map((area) => (
            <option key={area.code} value={area.code}>
              {area.code} · {lang === 'en' ? area.nameEn : area.nameVi}
            </option>
          ))}
          <option value={GENERAL}>{t('agreementPage.general')}</option>
        </select>
      </FormField>
      <FormField label={t('agreementPage.filterOwner')}>
        <select className="input" value={value(filter.owner)} onChange={pick('owner')}>
          <option value="">{t('agreementPage.any')}</option>
          {agreement.parties.map((party) => (
            <option key={party.code} value={party.code}>
              {lang === 'en' ? party.nameEn : party.nameVi}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('agreementPage.filterStatus')}>
        <select className="input" value={value(filter.status)} onChange={pick('status')}>
          <option value="">{t('agreementPage.any')}</option>
          {COMMITMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`agreementPage.status.${status}`)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="agreement-filters-end">
        <p className="muted" role="status">
          {t('agreementPage.shown', { count: shown })}
        </p>
        {isFiltered(filter) && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange({ area: null, owner: null, status: null })}
          >
            {t('agreementPage.clearFilters')}
          </button>
        )}
      </div>
    </div>
  );
}
