import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from './navigation.js';
import { ImportPage } from './pages/ImportPage.js';
import { MapPage } from './pages/MapPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { ValidationPage } from './pages/ValidationPage.js';
import { matchRoute, type RouteId } from './routes.js';
import { actorKey, useSession } from './session.js';

const PAGES: Record<RouteId, () => React.JSX.Element> = {
  overview: OverviewPage,
  map: MapPage,
  import: ImportPage,
  validation: ValidationPage,
  signIn: SignInPage,
};

/**
 * Picks the page for the URL and moves the focus to it after an in-app navigation. Pages wait for the session
 * (one short request) so that the public never asks for what only the signed-in may read, and a page is mounted
 * afresh when someone signs in or out: its figures and buttons are the new actor's. The sign-in page keeps its
 * steps across that change.
 */
export function App() {
  const session = useSession();
  const { pathname, search } = useLocation();
  const match = matchRoute(pathname);
  const routeId = match?.route.id ?? null;

  // '/Nhap-so-lieu/', '/import' … → '/nhap-so-lieu', keeping the query and the fragment.
  const rewriteTo = match && !match.canonical ? match.route.path : null;
  useEffect(() => {
    if (rewriteTo) navigate(rewriteTo + search + window.location.hash, { replace: true });
  }, [rewriteTo, search]);

  // After a click on the navigation (not on the first load), focus the new page's heading, or its main area,
  // so that screen readers announce it and the keyboard continues from there.
  const shownRoute = useRef(routeId);
  useEffect(() => {
    if (shownRoute.current === routeId) return;
    shownRoute.current = routeId;
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }, [routeId]);

  if (session.status === 'loading') return <AppLoading />;
  const Page = routeId ? PAGES[routeId] : NotFoundPage;
  const actor = routeId === 'signIn' ? '' : actorKey(session);
  return <Page key={`${routeId ?? 'not-found'}|${actor}`} />;
}

/** The first instant, while the session is asked for. */
function AppLoading() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <div className="state-panel app-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('overview.loading')}
      </div>
    </div>
  );
}
