import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../../../components/ProblemNotice.js';
import { currentLang } from '../../../i18n.js';
import { AccountForm } from './AccountForm.js';
import { AccountsTable } from './AccountsTable.js';
import { OneTimeSecret } from './OneTimeSecret.js';
import { usersQuery, type UserAccount } from './users-api.js';
import { LoadingPanel } from '../../../components/LoadingPanel.js';

/** The accounts: the table, a form to create one (its password shown once) or to edit the one chosen. */
export function UserAccounts() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const queryClient = useQueryClient();
  const accounts = useQuery(usersQuery(lang));
  // `null`: no form; '' : the creation form; a username: that account's form.
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ username: string; password: string | null } | null>(null);
  const onEdit = useCallback((username: string) => {
    setEditing(username);
    setSaved(null);
  }, []);
  const onSaved = (account: UserAccount, password: string | null) => {
    setEditing(null);
    setSaved({ username: account.username, password });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };

  if (accounts.error)
    return <ProblemNotice error={accounts.error} title={t('error.title')} onRetry={() => void accounts.refetch()} />;
  if (!accounts.data) return <LoadingPanel>{t('adminUsers.loading')}</LoadingPanel>;
  const selected = editing ? accounts.data.find((a) => a.username === editing) : undefined;

  return (
    <section className="admin-catalogue" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="admin-section-title">
        {t('adminUsers.title')}
      </h2>
      <p className="muted">{t('adminUsers.intro')}</p>
      {saved?.password ? (
        <OneTimeSecret
          title={t('adminUsers.generatedPassword', { username: saved.username })}
          hint={t('adminUsers.onceHint')}
          secret={saved.password}
          onDismiss={() => setSaved(null)}
        />
      ) : (
        <p className="muted" role="status">
          {saved && t('adminUsers.saved', { username: saved.username })}
        </p>
      )}
      {editing === '' || selected ? (
        <AccountForm key={editing} account={selected} onSaved={onSaved} onCancel={() => setEditing(null)} />
      ) : (
        <div>
          <button type="button" className="button" onClick={() => onEdit('')}>
            {t('adminUsers.create')}
          </button>
        </div>
      )}
      <p className="muted">{t('adminUsers.count', { count: accounts.data.length })}</p>
      <AccountsTable accounts={accounts.data} editing={editing} onEdit={onEdit} />
    </section>
  );
}
