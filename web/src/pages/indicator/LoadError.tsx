import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';

/** A read that failed, with the server's message (already in the user's language) and a retry. */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError && error.isNetworkError ? t('error.network') : error.message;
  return (
    <div className="state-panel state-error" role="alert">
      <h2 className="state-title">{t('indicatorPage.errorTitle')}</h2>
      <p className="state-detail">{detail}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('indicatorPage.retry')}
      </button>
    </div>
  );
}
