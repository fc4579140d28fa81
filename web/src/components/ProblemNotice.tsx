import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useLocation } from '../navigation.js';
import { asksToSignIn, problemItems, problemKey, problemParams } from '../problems.js';
import { signInHref } from '../routes.js';
import { Link } from './Link.js';

export interface ProblemNoticeProps {
  error: Error;
  /** Heading; defaults to "That did not work". */
  title?: string;
  onRetry?: (() => void) | undefined;
  /** Shown instead of the problem's `errors` list (e.g. the import error table). */
  children?: ReactNode;
}

/**
 * An API refusal: our own explanation of the problem code when we have one, then the server's detail (in the
 * language it answered in) and its `errors` list (path: message), so nothing the server said is hidden. A request
 * that needs a session gets a sign-in link.
 */
export function ProblemNotice({ error, title, onRetry, children }: ProblemNoticeProps) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const apiError = error instanceof ApiError ? error : undefined;
  const network = apiError?.isNetworkError ?? false;
  const key = problemKey(apiError?.code);
  const explanation = network
    ? t('error.network')
    : key
      ? t(`problem.code.${key}`, problemParams(apiError?.retryAfterSeconds))
      : null;
  const detail = network ? null : error.message;
  const detailLang = apiError?.language ?? 'en';
  const items = children ? [] : problemItems(apiError?.problem);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? t('problem.title')}</p>
      {explanation && <p>{explanation}</p>}
      {detail && (
        <p className="notice-detail">
          {explanation && <span className="notice-detail-label">{t('problem.serverDetail')} </span>}
          <span lang={detailLang}>{detail}</span>
        </p>
      )}
      {items.length > 0 && (
        <ul className="notice-list" aria-label={t('problem.details')}>
          {items.map((item, i) => (
            <li key={i} lang={detailLang}>
              {item.path && <span className="notice-path">{item.path}: </span>}
              {item.message}
            </li>
          ))}
        </ul>
      )}
      {children}
      {asksToSignIn(apiError?.status, apiError?.code) && (
        <Link className="button" href={signInHref(pathname, search)}>
          {t('account.signIn')}
        </Link>
      )}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
