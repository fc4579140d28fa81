import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { FormProblem } from '../../../components/FormProblem.js';
import { ACCOUNT_PROBLEMS } from './users-api.js';

/** Why an account or token request was refused: our words for the account routes' own codes, else FormProblem's. */
export function AccountProblem({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : undefined;
  const key = code && code in ACCOUNT_PROBLEMS ? ACCOUNT_PROBLEMS[code as keyof typeof ACCOUNT_PROBLEMS] : null;
  if (key)
    return (
      <p className="notice notice-error notice-inline form-problem" role="alert">
        {t(key)}
      </p>
    );
  return <FormProblem error={error} />;
}
