import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../../i18n.js';
import { AccountProblem } from './AccountProblem.js';
import { OneTimeSecret } from './OneTimeSecret.js';
import { resetAccountPassword } from './users-api.js';

/** An administrator's reset: the server generates a password, shown here once; the user's sessions end. */
export function PasswordReset({ username }: { username: string }) {
  const { t } = useTranslation();
  const reset = useMutation({ mutationFn: () => resetAccountPassword(username, currentLang()) });
  return (
    <div className="admin-reset">
      <button
        type="button"
        className="button button-secondary"
        disabled={reset.isPending}
        onClick={() => reset.mutate()}
      >
        {reset.isPending ? t('adminUsers.resetting') : t('adminUsers.resetPassword')}
      </button>
      {reset.data && (
        <OneTimeSecret
          title={t('adminUsers.resetDone', { username })}
          hint={t('adminUsers.onceHint')}
          secret={reset.data.password}
          onDismiss={() => reset.reset()}
        />
      )}
      <AccountProblem error={reset.error} />
    </div>
  );
}
