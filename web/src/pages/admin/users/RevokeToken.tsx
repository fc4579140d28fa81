import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../../i18n.js';
import { AccountProblem } from './AccountProblem.js';
import { revokeToken, type ApiToken } from './users-api.js';

/** "Revoke", then a confirmation in place (no browser dialog): the partner's system is refused at once. */
export function RevokeToken({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id, currentLang()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  if (!asking)
    return (
      <button
        type="button"
        className="button button-secondary admin-edit"
        aria-label={t('adminTokens.revokeLabel', { name: token.name })}
        onClick={() => setAsking(true)}
      >
        {t('adminTokens.revoke')}
      </button>
    );
  return (
    <div className="admin-confirm" role="group" aria-label={t('adminTokens.revokeLabel', { name: token.name })}>
      <p>{t('adminTokens.revokeConfirm', { name: token.name })}</p>
      <div className="admin-form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
        >
          {revoke.isPending ? t('adminTokens.revoking') : t('adminTokens.revokeYes')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)} autoFocus>
          {t('adminTokens.cancel')}
        </button>
      </div>
      <AccountProblem error={revoke.error} />
    </div>
  );
}
