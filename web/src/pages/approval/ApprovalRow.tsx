import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { ApprovalBadge } from '../../components/ApprovalBadge.js';
import { FormField } from '../../components/FormField.js';
import { formatPeriod } from '../../format.js';
import { formatDateTime } from '../../format-dates.js';
import { unitName } from '../../units.js';
import { NEEDS_REASON, type ApprovalAction, type UnitApproval } from './approval-api.js';

export interface ApprovalRowProps {
  unit: UnitApproval;
  lang: Lang;
  /** The name of the unit whose approval locks this one, when another unit's (the province's). */
  lockedByName?: string;
  /** The steps the signed-in user may take (the workflow's, filtered by the permission table). */
  actions: ApprovalAction[];
  busy: boolean;
  onAction: (action: ApprovalAction, reason: string | null) => void;
}

/** One unit: its state, who changed it last, and its action buttons; returning or reopening asks for a reason. */
export function ApprovalRow({ unit, lang, lockedByName, actions, busy, onAction }: ApprovalRowProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<ApprovalAction | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const name = unitName({ nameVi: unit.nameVi, nameEn: unit.nameEn ?? unit.nameVi }, lang);
  const confirm = () => {
    setTried(true);
    if (!asking || !reason.trim()) return;
    onAction(asking, reason.trim());
    setAsking(null);
    setReason('');
    setTried(false);
  };
  return (
    <li className="approval-row">
      <div className="approval-row-head">
        <strong className="approval-unit">{name}</strong>
        <ApprovalBadge state={unit.state} />
      </div>
      {unit.updatedBy && unit.updatedAt && (
        <p className="approval-meta">
          {t('approvalPage.updatedBy', { who: unit.updatedBy, when: formatDateTime(unit.updatedAt, lang) })}
        </p>
      )}
      {unit.reason && (unit.state === 'returned' || unit.state === 'reopened') && (
        <p className="approval-meta">{t('approvalPage.reasonShown', { reason: unit.reason })}</p>
      )}
      {unit.lockedBy && (
        <p className="approval-meta approval-locked">
          {unit.lockedBy.unit === unit.code
            ? t('approvalPage.lockedBy', { period: formatPeriod(unit.lockedBy.period, lang) })
            : t('approvalPage.lockedByUnit', {
                period: formatPeriod(unit.lockedBy.period, lang),
                unit: lockedByName ?? unit.lockedBy.unit,
              })}
        </p>
      )}
      {actions.length > 0 && !asking && (
        <div className="approval-actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'approve' ? 'button' : 'button button-secondary'}
              disabled={busy}
              aria-label={`${t(`approvalPage.action.${action}`)}: ${name}`}
              onClick={() => (NEEDS_REASON.has(action) ? setAsking(action) : onAction(action, null))}
            >
              {t(`approvalPage.action.${action}`)}
            </button>
          ))}
        </div>
      )}
      {asking && (
        <form
          className="approval-reason"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <FormField
            label={t('approvalPage.reasonLabel', {
              action: t(`approvalPage.action.${asking}`).toLowerCase(),
              unit: name,
            })}
            error={tried && !reason.trim() ? t('approvalPage.reasonRequired') : undefined}
            required
          >
            <textarea value={reason} maxLength={2000} rows={2} onChange={(e) => setReason(e.target.value)} autoFocus />
          </FormField>
          <div className="approval-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('approvalPage.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(null)}>
              {t('approvalPage.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
