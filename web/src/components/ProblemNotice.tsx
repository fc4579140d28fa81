import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { problemItems, problemKey } from '../problems.js';

export interface ProblemNoticeProps {
  error: Error;
  /** Heading; defaults to "That did not work". */
  title?: string;
  onRetry?: (() => void) | undefined;
  /** Shown instead of the problem's `errors` list (e.g. the import error table). */
  children?: ReactNode;
}

/**
 * An API refusal: our own explanation of the problem code when we have one, then the server's detail (in
 * English) and its `errors` list (path: message), so nothing the server said is hidden.
 */
export function ProblemNotice({ error, title, onRetry, children }: ProblemNoticeProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : undefined;
  const network = apiError?.isNetworkError ?? false;
  const key = problemKey(apiError?.code);
  const explanation = network ? t('error.network') : key ? t(`problem.code.${key}`) : null;
  const detail = network ? null : error.message;
  const items = children ? [] : problemItems(apiError?.problem);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? t('problem.title')}</p>
      {explanation && <p>{explanation}</p>}
      {detail && (
        <p className="notice-detail">
          {explanation && <span className="notice-detail-label">{t('problem.serverDetail')} </span>}
          <span lang="en">{detail}</span>
        </p>
      )}
      {items.length > 0 && (
        <ul className="notice-list" aria-label={t('problem.details')}>
          {items.map((item, i) => (
            <li key={i} lang="en">
              {item.path && <span className="notice-path">{item.path}: </span>}
              {item.message}
            </li>
          ))}
        </ul>
      )}
      {children}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
