import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { mayOpen } from '../permissions.js';
import { matchRoute, NAV_ROUTES, routeHref } from '../routes.js';
import { useSession } from '../session.js';
import { AccountMenu } from './AccountMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';

export interface HeaderAgreement {
  titleVi: string;
  titleEn: string;
  periodFrom: number;
  periodTo: number;
}

export interface AppHeaderProps {
  agreement?: HeaderAgreement | undefined;
  /** The overview's unit selector; other pages choose their unit in the page. */
  unitSlot?: ReactNode;
}

/** Brand, page navigation, optional unit selector, the language switch and the account (sign in or out). */
export function AppHeader({ agreement, unitSlot }: AppHeaderProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className={unitSlot ? 'header-inner' : 'header-inner no-unit'}>
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {agreement && (
            <span className="brand-agreement">
              {lang === 'en' ? agreement.titleEn : agreement.titleVi}
              <span className="brand-period">
                {' · '}
                {t('app.agreementPeriod', { from: agreement.periodFrom, to: agreement.periodTo })}
              </span>
            </span>
          )}
        </div>
        {unitSlot && <div className="header-unit">{unitSlot}</div>}
        <div className="header-lang">
          <LanguageSwitch />
          <AccountMenu />
        </div>
        <AppNav />
      </div>
    </header>
  );
}

/**
 * The pages the actor may open (the permission table, as /api/auth/me reports it); the current one is marked
 * with aria-current. Links keep ?unit= and ?lang=.
 */
export function AppNav() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { state } = useSession();
  const active = matchRoute(pathname)?.route.id;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {NAV_ROUTES.filter((id) => mayOpen(state, id)).map((id) => (
          <li key={id}>
            <Link href={routeHref(id, search)} aria-current={id === active ? 'page' : undefined}>
              {t(`nav.${id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
