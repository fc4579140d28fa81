import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../../src/domain/auth/permissions.js';
import { unitTreeQuery } from '../../api/queries.js';
import { Link } from '../../components/Link.js';
import { currentLang } from '../../i18n.js';
import { useSession } from '../../session.js';
import { findUnit, unitName } from '../../units.js';
import { PasswordStep } from './PasswordStep.js';

/** The sign-in page opened while signed in: who, with which role and units; a way on; a password change. */
export function SignedInStep({ next }: { next: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const user = useSession().state.user;
  const tree = useQuery(unitTreeQuery(lang));
  if (!user) return null;
  // The units by name once the tree is here (by code meanwhile, or if it fails).
  const units = user.units.map((code) => {
    const node = tree.data ? findUnit(tree.data, code) : undefined;
    return node ? unitName(node, lang) : code;
  });
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
        {units.length > 0 && <p className="panel-hint">{t('signIn.signedIn.units', { units: units.join(', ') })}</p>}
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
