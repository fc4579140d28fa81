import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../src/domain/auth/permissions.js';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { routeHref, signInHref } from '../routes.js';
import { useSession } from '../session.js';
import { Link } from './Link.js';

/**
 * Stands in for a screen the actor may not use: the public is asked to sign in (and comes back here after), a
 * signed-in user is told their role does not allow it. The screen behind it requests nothing meanwhile. A screen
 * whose reason is not among the core's gives its own words (`reason`).
 */
export function PermissionGate(props: { route: 'import' | 'validation' } | { reason: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const { pathname, search } = useLocation();
  const { state } = useSession();
  const role = state.signedIn && state.user ? ROLE_NAMES[state.user.role][lang] : null;
  return (
    <div className="state-panel state-gate" role="status">
      {role === null ? (
        <>
          <h2 className="state-title">{t('gate.signInTitle')}</h2>
          <p className="state-detail">{'reason' in props ? props.reason : t(`gate.why.${props.route}`)}</p>
          <Link className="button" href={signInHref(pathname, search)}>
            {t('account.signIn')}
          </Link>
        </>
      ) : (
        <>
          <h2 className="state-title">{t('gate.forbiddenTitle')}</h2>
          <p className="state-detail">{t('gate.forbidden', { role })}</p>
          <Link className="button button-secondary" href={routeHref('overview', search)}>
            {t('gate.home')}
          </Link>
        </>
      )}
    </div>
  );
}
