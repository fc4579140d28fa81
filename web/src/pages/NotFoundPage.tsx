import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader.js';
import { Link } from '../components/Link.js';
import { agreementQuery } from '../api/queries.js';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { routeHref } from '../routes.js';

/** Any path the route table does not know. */
export function NotFoundPage() {
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  const agreement = useQuery(agreementQuery(currentLang(i18n.resolvedLanguage)));
  useEffect(() => {
    document.title = t('pageTitle.notFound');
  }, [t]);
  let shownPath = pathname;
  try {
    shownPath = decodeURIComponent(pathname);
  } catch {
    // show it as typed
  }
  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main" tabIndex={-1}>
        <div className="state-panel state-notfound">
          <h1 className="state-title">{t('notFound.title')}</h1>
          <p className="state-detail">{t('notFound.detail', { path: shownPath })}</p>
          <Link className="button" href={routeHref('overview', search)}>
            {t('notFound.home')}
          </Link>
        </div>
      </main>
    </div>
  );
}
