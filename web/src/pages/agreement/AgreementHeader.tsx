import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { Agreement } from '../../api/types.js';
import { formatDate } from '../../format-dates.js';

export interface AgreementHeaderProps {
  agreement: Agreement;
  lang: Lang;
}

/** The agreement's title, signing date, period, source and parties: what a printed copy opens with. */
export function AgreementHeader({ agreement, lang }: AgreementHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="agreement-head">
      <div className="agreement-head-row">
        <h1 className="page-title">{lang === 'en' ? agreement.titleEn : agreement.titleVi}</h1>
        <button type="button" className="button button-secondary agreement-print" onClick={() => window.print()}>
          {t('agreementPage.print')}
        </button>
      </div>
      <p className="page-subtitle">
        {agreement.signedOn && <>{t('agreementPage.signedOn', { date: formatDate(agreement.signedOn, lang) })} · </>}
        {t('agreementPage.period', { from: agreement.periodFrom, to: agreement.periodTo })}
      </p>
      <section className="agreement-parties" aria-labelledby="agreement-parties-title">
        <h2 id="agreement-parties-title" className="agreement-subtitle">
          {t('agreementPage.partiesTitle')}
        </h2>
        <ul>
          {agreement.parties.map((party) => (
            <li key={party.code}>
              <span className="agreement-party-role">{t(`agreementPage.role.${party.role}`)}:</span>{' '}
              {lang === 'en' ? party.nameEn : party.nameVi} <span className="muted">({party.code})</span>
            </li>
          ))}
        </ul>
      </section>
      {/* The source is kept in the reference data's own words (English). */}
      {agreement.source && (
        <p className="muted agreement-source" lang="en">
          {t('agreementPage.source', { source: agreement.source })}
        </p>
      )}
    </header>
  );
}
