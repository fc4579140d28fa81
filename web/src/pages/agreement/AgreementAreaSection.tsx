import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { Agreement, Commitment } from '../../api/types.js';
import { formatDate } from '../../format-dates.js';
import type { AreaGroup } from './agreement-view.js';

export interface AgreementAreaSectionProps {
  group: AreaGroup;
  agreement: Agreement;
  lang: Lang;
  /** True when a filter hides some commitments (the empty text then says so). */
  filtered: boolean;
  /** The area's indicator progress, if any. */
  children?: ReactNode;
}

/** One cooperation area: its commitments with lead party, due date and status in words, then its indicators. */
export function AgreementAreaSection({ group, agreement, lang, filtered, children }: AgreementAreaSectionProps) {
  const { t } = useTranslation();
  const { area, commitments } = group;
  const key = area?.code ?? 'general';
  const titleId = `agreement-area-${key}-title`;
  return (
    <section id={`agreement-area-${key}`} className="agreement-area" aria-labelledby={titleId}>
      <h3 id={titleId} className="agreement-area-title">
        {area ? (
          <>
            <span className="area-code">{area.code}</span> · {lang === 'en' ? area.nameEn : area.nameVi}
          </>
        ) : (
          t('agreementPage.general')
        )}
      </h3>
      {commitments.length === 0 ? (
        <p className="muted">{filtered ? t('agreementPage.noMatch') : t('agreementPage.noCommitments')}</p>
      ) : (
        <ul className="commitment-list">
          {commitments.map((commitment) => (
            <CommitmentItem key={commitment.id} commitment={commitment} agreement={agreement} lang={lang} />
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function CommitmentItem({ commitment, agreement, lang }: { commitment: Commitment; agreement: Agreement; lang: Lang }) {
  const { t } = useTranslation();
  const party = agreement.parties.find((p) => p.code === commitment.ownerParty);
  const partyName = party ? (lang === 'en' ? party.nameEn : party.nameVi) : commitment.ownerParty;
  const status = t(`agreementPage.status.${commitment.status}`);
  return (
    <li className={`commitment commitment-${commitment.status}`}>
      <p className="commitment-text">{lang === 'en' ? commitment.textEn : commitment.textVi}</p>
      <p className="commitment-meta">
        <span className={`tag commitment-status commitment-status-${commitment.status}`}>
          <span className="visually-hidden">{t('agreementPage.filterStatus')}: </span>
          {status}
        </span>
        <span>{t('agreementPage.owner', { party: partyName })}</span>
        <span>
          {commitment.dueDate
            ? t('agreementPage.due', { date: formatDate(commitment.dueDate, lang) })
            : t('agreementPage.noDue')}
        </span>
      </p>
    </li>
  );
}
