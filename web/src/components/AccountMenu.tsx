import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../src/domain/auth/permissions.js';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { matchRoute, routeHref, signInHref } from '../routes.js';
import { useSession } from '../session.js';
import { Link } from './Link.js';
import { useSignOut } from './use-sign-out.js';

/**
 * The header's account corner: "Đăng nhập" for the public; the user's name, role and "Đăng xuất" once signed
 * in. Nothing is shown until the session is known, so the button does not flicker for a signed-in user.
 */
export function AccountMenu() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const { pathname, search } = useLocation();
  const { status, state } = useSession();
  const { signOut, signingOut, failed } = useSignOut();

  if (status === 'loading') return <div className="account account-pending" aria-hidden="true" />;

  const onSignInPage = matchRoute(pathname)?.route.id === 'signIn';
  if (!state.signedIn || !state.user) {
    if (onSignInPage) return <div className="account" />;
    const pending = state.signingIn !== null; // a password was accepted; the second factor is owed
    return (
      <div className="account">
        <Link className="button button-header" href={signInHref(pathname, search)}>
          {pending ? t('account.finishSignIn') : t('account.signIn')}
        </Link>
      </div>
    );
  }

  const { user } = state;
  const role = ROLE_NAMES[user.role][lang];

  return (
    <div className="account" role="group" aria-label={t('account.label')}>
      {/* The name leads to the account page: details, units, password change. */}
      <Link
        className="account-user"
        href={routeHref('account', search)}
        title={t('account.signedInAs', { name: user.displayName, role })}
      >
        <span className="account-name">{user.displayName}</span>
        <span className="account-role">{role}</span>
      </Link>
      {user.mustChangePassword && !onSignInPage && (
        <Link className="account-warning" href={routeHref('signIn', search)}>
          {t('account.changePassword')}
        </Link>
      )}
      <button type="button" className="button button-header" onClick={() => void signOut()} disabled={signingOut}>
        {signingOut ? t('account.signingOut') : t('account.signOut')}
      </button>
      {failed && (
        <span className="account-error" role="alert">
          {t('account.signOutFailed')}
        </span>
      )}
    </div>
  );
}
