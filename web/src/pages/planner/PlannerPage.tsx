import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.js';
import { LoadErrorPanel } from '../../components/LoadErrorPanel.js';
import { LoadingPanel } from '../../components/LoadingPanel.js';
import { PermissionGate } from '../../components/PermissionGate.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { useCan } from '../../session.js';
import { CompareView } from './CompareView.js';
import { PlanForm } from './PlanForm.js';
import { PlanProgress } from './PlanProgress.js';
import { PlanResultView } from './PlanResultView.js';
import { isFinishedPlan } from './planner-api.js';
import { ScenarioList } from './ScenarioList.js';
import { usePlanner } from './use-planner.js';
import './planner.css';

/**
 * 5G planning: a new scenario's settings, its progress, its result (figures, map, tables), and the saved
 * scenarios to open, compare or delete. Reading needs plan.read; making, cancelling and deleting need plan.run.
 */
export function PlannerPage() {
  const { t } = useTranslation();
  const mayRead = useCan('plan.read');
  useEffect(() => {
    document.title = t('planner.documentTitle');
  }, [t]);
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="main planner-page" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('planner.title')}</h1>
            <p className="page-subtitle">{t('planner.intro')}</p>
          </div>
        </div>
        {mayRead ? <PlannerScreen /> : <PermissionGate reason={t('planner.gateReason')} />}
      </main>
    </div>
  );
}

function PlannerScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const mayRun = useCan('plan.run');
  const planner = usePlanner(lang);
  const plan = planner.open.data?.id === planner.openId ? planner.open.data : undefined;
  const problem = planner.cancel.error ?? planner.remove.error;

  return (
    <div className={planner.openId ? 'planner-layout has-open' : 'planner-layout'}>
      {mayRun && <PlanForm onStarted={planner.opened} />}
      <div className="planner-main">
        {planner.openId && planner.open.isError && !plan && (
          <LoadErrorPanel error={planner.open.error} onRetry={() => void planner.open.refetch()} />
        )}
        {plan && (
          <PlanProgress
            plan={plan}
            onCancel={mayRun ? () => planner.cancel.mutate(plan.id) : null}
            cancelling={planner.cancel.isPending}
          />
        )}
        {plan && planner.open.isError && (
          <p className="notice notice-warn" role="status">
            {t('planner.progress.pollFailed')}
          </p>
        )}
        {problem && <ProblemNotice error={problem} />}
        {plan && isFinishedPlan(plan) && <PlanResultView plan={plan} />}
        {planner.comparing && <CompareView plans={planner.compared} onClose={() => planner.setComparing(false)} />}
        <section className="planner-section">
          <h2 className="section-title">{t('planner.list.title')}</h2>
          {planner.list.isPending ? (
            <LoadingPanel>{t('planner.loading')}</LoadingPanel>
          ) : planner.list.isError ? (
            <LoadErrorPanel error={planner.list.error} onRetry={() => void planner.list.refetch()} />
          ) : (
            <>
              <ScenarioList
                plans={planner.list.data}
                openId={planner.openId}
                onOpen={planner.openPlan}
                picked={planner.picked}
                onPick={planner.pick}
                onDelete={
                  mayRun
                    ? (summary) => {
                        if (window.confirm(t('planner.list.deleteConfirm', { name: summary.name })))
                          planner.remove.mutate(summary);
                      }
                    : null
                }
                deleting={planner.remove.isPending ? (planner.remove.variables?.id ?? null) : null}
              />
              <p className="planner-compare-bar">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={planner.picked.length < 2}
                  onClick={() => planner.setComparing(true)}
                >
                  {t('planner.list.compare')}
                </button>{' '}
                {planner.picked.length < 2 && <span className="muted">{t('planner.list.pickHint')}</span>}
              </p>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
