import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../../src/domain/auth/permissions.js';
import { Link } from '../../components/Link.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';
import { PasswordStep } from './PasswordStep.js';

/** The sign-in page opened while signed in: who, with which role and units; a way on; a password change. */
export function SignedInStep({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const user = useSession().state.user;
  if (!user) return null;
  return (
    <>
      <section className="panel sign-in-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="panel-title" tabIndex={-1}>
          {t('signIn.signedIn.heading')}
        </h2>
        <p>
          {t('signIn.signedIn.as', {
            name: user.displayName,
            username: user.username,
            role: ROLE_NAMES[user.role][lang],
          })}
        </p>
        {user.units.length > 0 && (
          <p className="panel-hint">{t('signIn.signedIn.units', { units: user.units.join(', ') })}</p>
        )}
        <div className="form-actions">
          <Link className="button" href={next}>
            {t('signIn.signedIn.continue')}
          </Link>
        </div>
      </section>
      <PasswordStep />
    </>
  );
}
