import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { matchRoute, routeHref, ROUTES } from '../routes.js';
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

/** Brand, page navigation, optional unit selector and the language switch. */
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
        </div>
        <AppNav />
      </div>
    </header>
  );
}

/** The pages; the current one is marked with aria-current. Links keep ?unit= and ?lang=. */
export function AppNav() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const active = matchRoute(pathname)?.route.id;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {ROUTES.map((route) => (
          <li key={route.id}>
            <Link href={routeHref(route.id, search)} aria-current={route.id === active ? 'page' : undefined}>
              {t(`nav.${route.id}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
