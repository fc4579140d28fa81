import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitTreeQuery } from '../../api/queries.js';
import { AppHeader } from '../../components/AppHeader.js';
import { ApprovalBadge, type ApprovalBadgeState } from '../../components/ApprovalBadge.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { isMonth } from '../../importing.js';
import { can } from '../../permissions.js';
import { useSession } from '../../session.js';
import { resolveUnitCode, unitName } from '../../units.js';
import { lastMonth } from '../entry/entry-units.js';
import { approvalOverviewQuery, changeApproval, type ApprovalAction, type UnitApproval } from './approval-api.js';
import { ApprovalRow } from './ApprovalRow.js';
import './approval.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';

/** Returning is part of approving: the permission table has no separate action for it. */
const PERMISSION = {
  submit: 'approval.submit',
  approve: 'approval.approve',
  return: 'approval.approve',
  reopen: 'approval.reopen',
} as const satisfies Record<ApprovalAction, string>;

const STATES: readonly ApprovalBadgeState[] = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'reopened'];

/**
 * Data approval, as in DHIS2: for a month, the unit and every unit below it with its state, the counts per state
 * (which filter the list) and the steps the signed-in user may take. The server checks every step again.
 */
export function ApprovalPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const session = useSession();
  const [search, navigate] = useUrlSearch();
  const period = isMonth(search.get('period') ?? '') ? search.get('period')! : lastMonth();
  const tree = useQuery(unitTreeQuery(lang));
  const unit = resolveUnitCode(tree.data, search.get('unit'));
  const [filter, setFilter] = useState<ApprovalBadgeState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const overview = useQuery({ ...approvalOverviewQuery(unit ?? '', period, lang), enabled: unit !== null });
  const queryClient = useQueryClient();
  const step = useMutation({
    mutationFn: (input: { action: ApprovalAction; unit: string; reason: string | null }) =>
      changeApproval(input.action, input.unit, period, input.reason, lang),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['approvals'] }),
  });
  useEffect(() => {
    document.title = t('approvalPage.pageTitle');
  }, [t]);

  const allowed = (actions: ApprovalAction[]) => actions.filter((action) => can(session.state, PERMISSION[action]));
  const units = overview.data?.units.filter((u) => filter === null || u.state === filter) ?? [];

  const lockerName = (u: UnitApproval) => {
    const locker =
      u.lockedBy && u.lockedBy.unit !== u.code ? overview.data?.units.find((o) => o.code === u.lockedBy!.unit) : null;
    return locker ? unitName({ nameVi: locker.nameVi, nameEn: locker.nameEn ?? locker.nameVi }, lang) : undefined;
  };
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="main approval-page" tabIndex={-1} aria-busy={overview.isFetching}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('approvalPage.title')}</h1>
            <p className="page-subtitle">{t('approvalPage.intro')}</p>
          </div>
          <div className="approval-period">
            <label htmlFor={`${id}-period`}>{t('approvalPage.period')}</label>
            <input
              id={`${id}-period`}
              type="month"
              value={period}
              onChange={(event) => isMonth(event.target.value) && navigate({ period: event.target.value })}
            />
          </div>
        </div>
        {overview.data && (
          <div className="approval-chips" role="group" aria-label={t('approvalPage.columns.state')}>
            <button type="button" className="chip" aria-pressed={filter === null} onClick={() => setFilter(null)}>
              {t('approvalPage.all')} ({overview.data.units.length})
            </button>
            {STATES.map((state) => (
              <button
                key={state}
                type="button"
                className="chip"
                aria-pressed={filter === state}
                onClick={() => setFilter(filter === state ? null : state)}
              >
                <ApprovalBadge state={state} /> {overview.data.counts[state] ?? 0}
              </button>
            ))}
          </div>
        )}
        {step.error && <ProblemNotice error={step.error} />}
        <p className="sr-only" role="status">
          {done}
        </p>
        {overview.error ? (
          <ProblemNotice error={overview.error} onRetry={() => void overview.refetch()} />
        ) : !overview.data ? (
          <LoadingPanel>{t('approvalPage.loading')}</LoadingPanel>
        ) : units.length === 0 ? (
          <p className="muted">{t('approvalPage.empty')}</p>
        ) : (
          <ul className="approval-list">
            {units.map((u) => (
              <ApprovalRow
                key={u.code}
                unit={u}
                lang={lang}
                lockedByName={lockerName(u)}
                actions={allowed(u.actions)}
                busy={step.isPending}
                onAction={(action, reason) =>
                  step.mutate(
                    { action, unit: u.code, reason },
                    {
                      onSuccess: () =>
                        setDone(t('approvalPage.done', { unit: u.nameVi, state: t(`approvalPage.action.${action}`) })),
                    },
                  )
                }
              />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
