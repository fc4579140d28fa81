import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { problemKey, problemParams } from '../problems.js';

export interface FormProblemProps {
  /** A refused request… */
  error?: Error | null | undefined;
  /** …or only a problem code (the single sign-on sends one back in the URL). */
  code?: string | null | undefined;
  id?: string;
}

/**
 * One sentence under a form saying why it did not work: our own words for a known problem code, else what the
 * server said (in the language it was asked for). Nothing when there is no problem.
 */
export function FormProblem({ error, code, id }: FormProblemProps) {
  const { t } = useTranslation();
  if (!error && !code) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  const key = problemKey(apiError?.code ?? code ?? undefined);
  const text = apiError?.isNetworkError
    ? t('error.network')
    : key
      ? t(`problem.code.${key}`, problemParams(apiError?.retryAfterSeconds))
      : (error?.message ?? t('problem.title'));
  return (
    <p id={id} className="notice notice-error notice-inline form-problem" role="alert">
      {text}
    </p>
  );
}
