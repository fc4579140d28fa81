import { useTranslation } from 'react-i18next';

export type ApprovalBadgeState = 'not_started' | 'draft' | 'submitted' | 'approved' | 'returned' | 'reopened';

/** A unit's approval state for a period: words and colour (never colour alone), wherever its values are shown. */
export function ApprovalBadge({ state }: { state: ApprovalBadgeState }) {
  const { t } = useTranslation();
  return <span className={`approval-badge approval-${state}`}>{t(`approvalPage.state.${state}`)}</span>;
}
