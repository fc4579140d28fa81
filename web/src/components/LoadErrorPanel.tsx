import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

interface LoadErrorPanelProps {
  error: Error;
  onRetry: () => void;
  /** The heading; by default the general "could not load" title. */
  title?: string;
}

/** A read that failed, with the server's message (already in the user's language) and a retry. */
export function LoadErrorPanel({ error, onRetry, title }: LoadErrorPanelProps) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError && error.isNetworkError ? t('error.network') : error.message;
  return (
    <div className="state-panel state-error" role="alert">
      <h2 className="state-title">{title ?? t('error.title')}</h2>
      <p className="state-detail">{detail}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
