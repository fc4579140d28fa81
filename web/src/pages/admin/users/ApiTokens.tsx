import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../../../components/ProblemNotice.js';
import { currentLang } from '../../../i18n.js';
import { OneTimeSecret } from './OneTimeSecret.js';
import { TokenForm } from './TokenForm.js';
import { TokensTable } from './TokensTable.js';
import { tokensQuery } from './users-api.js';
import { LoadingPanel } from '../../../components/LoadingPanel.js';

/** The API tokens of partner systems: the list, a creation form, the new token shown once, revocation. */
export function ApiTokens() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery(lang));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  return (
    <section className="admin-catalogue" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="admin-section-title">
        {t('adminTokens.title')}
      </h2>
      <p className="muted">{t('adminTokens.intro')}</p>
      {created && (
        <OneTimeSecret
          title={t('adminTokens.createdTitle', { name: created.name })}
          hint={t('adminTokens.onceHint')}
          secret={created.token}
          onDismiss={() => setCreated(null)}
        />
      )}
      {creating ? (
        <TokenForm
          onCancel={() => setCreating(false)}
          onCreated={(token, info) => {
            setCreating(false);
            setCreated({ token, name: info.name });
            void queryClient.invalidateQueries({ queryKey: ['tokens'] });
          }}
        />
      ) : (
        <div>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('adminTokens.create')}
          </button>
        </div>
      )}
      {tokens.error ? (
        <ProblemNotice error={tokens.error} title={t('error.title')} onRetry={() => void tokens.refetch()} />
      ) : !tokens.data ? (
        <LoadingPanel>{t('adminTokens.loading')}</LoadingPanel>
      ) : tokens.data.length === 0 ? (
        <p className="muted">{t('adminTokens.none')}</p>
      ) : (
        <TokensTable tokens={tokens.data} now={tokens.dataUpdatedAt} />
      )}
    </section>
  );
}
