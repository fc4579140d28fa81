import type { Blocker } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface EntryActionBarProps {
  changedCount: number;
  saving: boolean;
  submitting: boolean;
  locked: boolean;
  /** Submitting is possible for this status (draft or reopened). */
  submittable: boolean;
  onSubmitForApproval: () => void;
  blocker: Blocker;
}

/**
 * The bar that stays at the bottom of the screen: how many changes wait, "save draft" (the form's submit button)
 * and "submit for approval", and the question asked when the user leaves with unsaved changes.
 */
export function EntryActionBar({
  changedCount,
  saving,
  submitting,
  locked,
  submittable,
  onSubmitForApproval,
  blocker,
}: EntryActionBarProps) {
  const { t } = useTranslation();
  const mustSaveFirst = changedCount > 0;
  return (
    <div className="entry-actions">
      {blocker.state === 'blocked' && (
        <div
          className="entry-leave"
          role="alertdialog"
          aria-labelledby="entry-leave-title"
          aria-describedby="entry-leave-detail"
        >
          <p className="entry-leave-title" id="entry-leave-title">
            {t('entry.leave.title')}
          </p>
          <p id="entry-leave-detail">{t('entry.leave.detail')}</p>
          <div className="entry-actions-row">
            <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
              {t('entry.leave.stay')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => blocker.proceed()}>
              {t('entry.leave.go')}
            </button>
          </div>
        </div>
      )}
      <p className="entry-actions-status" aria-live="polite">
        {changedCount > 0 ? t('entry.changed', { count: changedCount }) : t('entry.noChanges')}
      </p>
      <div className="entry-actions-row">
        <button type="submit" className="button" disabled={locked || saving || changedCount === 0}>
          {saving ? t('entry.saving') : t('entry.saveDraft')}
        </button>
        <button
          type="button"
          className="button button-commit"
          disabled={!submittable || mustSaveFirst || submitting || saving}
          aria-describedby={mustSaveFirst ? 'entry-submit-hint' : undefined}
          onClick={onSubmitForApproval}
        >
          {submitting ? t('entry.submitting') : t('entry.submit')}
        </button>
      </div>
      {mustSaveFirst && submittable && (
        <p className="entry-actions-hint" id="entry-submit-hint">
          {t('entry.submitNeedsSave')}
        </p>
      )}
    </div>
  );
}
