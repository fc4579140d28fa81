import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../../src/domain/auth/permissions.js';
import type { SessionUser } from '../../api/session.js';
import { unitTreeQuery } from '../../api/queries.js';
import { currentLang } from '../../i18n.js';
import { findUnit, unitName } from '../../units.js';

/** Who the signed-in user is: name, username, role, party, assigned units (by name) and two-factor state. */
export function AccountDetails({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  // The tree every screen shares (cached); until it arrives, or if it fails, units show by code.
  const tree = useQuery({ ...unitTreeQuery(lang), enabled: user.units.length > 0 });
  const units = user.units.map((code) => {
    const node = tree.data ? findUnit(tree.data, code) : undefined;
    return { code, name: node ? unitName(node, lang) : code };
  });
  return (
    <section className="panel account-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('accountPage.details')}
        {user.isDemo && <span className="tag tag-demo">{t('accountPage.demo')}</span>}
      </h2>
      <dl className="account-facts">
        <dt>{t('accountPage.displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('accountPage.username')}</dt>
        <dd>
          <code>{user.username}</code>
        </dd>
        <dt>{t('accountPage.role')}</dt>
        <dd>{ROLE_NAMES[user.role][lang]}</dd>
        <dt>{t('accountPage.party')}</dt>
        <dd>{user.party ?? <span className="muted">{t('accountPage.noParty')}</span>}</dd>
        <dt>{t('accountPage.units')}</dt>
        <dd>
          {units.length === 0 ? (
            <span className="muted">{t('accountPage.noUnits')}</span>
          ) : (
            <ul className="account-units" aria-busy={tree.isPending}>
              {units.map((unit) => (
                <li key={unit.code}>
                  {unit.name}
                  {unit.name !== unit.code && <span className="muted"> ({unit.code})</span>}
                </li>
              ))}
            </ul>
          )}
          {tree.isError && <p className="field-hint">{t('accountPage.unitsLoadFailed')}</p>}
        </dd>
        <dt>{t('accountPage.twoFactor')}</dt>
        <dd>
          {user.totpEnabled ? t('accountPage.twoFactorOn') : t('accountPage.twoFactorOff')}
          {user.totpEnabled && <p className="field-hint">{t('accountPage.twoFactorHint')}</p>}
        </dd>
      </dl>
    </section>
  );
}
