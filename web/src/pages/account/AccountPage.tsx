import { useCallback, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.js';
import { PermissionGate } from '../../components/PermissionGate.js';
import { useSignOut } from '../../components/use-sign-out.js';
import { navigate, useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';
import { useSession } from '../../session.js';
import { AccountDetails } from './AccountDetails.js';
import { PasswordChangeForm } from './PasswordChangeForm.js';
import './account.css';

/** The signed-in user's own space: who they are, their units, a password change and sign-out. */
export function AccountPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const user = state.signedIn ? state.user : null;
  useEffect(() => {
    document.title = `${t('accountPage.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="main page-narrow account-page" tabIndex={-1}>
        <h1 className="page-title">{t('accountPage.title')}</h1>
        {user ? (
          <div className="account-sections">
            <AccountDetails user={user} />
            <PasswordChangeForm username={user.username} mustChange={user.mustChangePassword} />
            <SignOutPanel />
          </div>
        ) : (
          <PermissionGate reason={t('accountPage.signInReason')} />
        )}
      </main>
    </div>
  );
}

function SignOutPanel() {
  const { t } = useTranslation();
  const id = useId();
  const { search } = useLocation();
  // The page is the user's own: once signed out, the overview (public) is where to go.
  const leave = useCallback(() => navigate(routeHref('overview', search)), [search]);
  const { signOut, signingOut, failed } = useSignOut(leave);
  return (
    <section className="panel account-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('accountPage.signOut.heading')}
      </h2>
      <p className="panel-hint">{t('accountPage.signOut.hint')}</p>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => void signOut()} disabled={signingOut}>
          {signingOut ? t('account.signingOut') : t('account.signOut')}
        </button>
      </div>
      {failed && (
        <p className="notice notice-error notice-inline" role="alert">
          {t('account.signOutFailed')}
        </p>
      )}
    </section>
  );
}
