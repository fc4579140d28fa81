import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format.js';
import { currentLang } from '../../i18n.js';
import { isActivePlan, type PlanScenario } from './planner-api.js';

const STAGES = ['coverage', 'merge', 'greedy', 'localSearch', 'bound', 'effects'] as const;
type Stage = (typeof STAGES)[number];
const isStage = (stage: string | null): stage is Stage => STAGES.includes(stage as Stage);

export interface PlanProgressProps {
  plan: PlanScenario;
  /** Null when the user may not cancel. */
  onCancel: (() => void) | null;
  cancelling: boolean;
}

/** A queued or running plan's stage and progress bar with its Cancel button, or how it ended if not well. */
export function PlanProgress({ plan, onCancel, cancelling }: PlanProgressProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  if (plan.status === 'failed')
    return (
      <p className="notice notice-error" role="alert">
        {t('planner.progress.failed', { name: plan.name, error: plan.error ?? '' })}
      </p>
    );
  if (plan.status === 'cancelled')
    return (
      <p className="notice" role="status">
        {t('planner.progress.cancelled', { name: plan.name })}
      </p>
    );
  if (!isActivePlan(plan)) return null;
  const stage = isStage(plan.stage) ? t(`planner.stage.${plan.stage}`) : t('planner.stage.waiting');
  const percent = Math.round(Math.min(1, Math.max(0, plan.progress)) * 100);
  const label = t('planner.progress.label', { name: plan.name });
  return (
    <section className="planner-progress" aria-label={label}>
      <p className="planner-progress-stage" role="status">
        <span className="tag">{t(`planner.status.${plan.status}`)}</span> {stage} · {formatPercent(percent, 0, lang)}
      </p>
      <progress className="planner-progress-bar" max={100} value={percent} aria-label={label} />
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={cancelling}>
          {cancelling ? t('planner.progress.cancelling') : t('planner.progress.cancel')}
        </button>
      )}
    </section>
  );
}
