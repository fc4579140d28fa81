import { useEffect, useRef } from 'react';
import { navigate, useLocation } from './navigation.js';
import { ImportPage } from './pages/ImportPage.js';
import { MapPage } from './pages/MapPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { ValidationPage } from './pages/ValidationPage.js';
import { matchRoute, type RouteId } from './routes.js';

const PAGES: Record<RouteId, () => React.JSX.Element> = {
  overview: OverviewPage,
  map: MapPage,
  import: ImportPage,
  validation: ValidationPage,
};

/** Picks the page for the URL and moves the focus to it after an in-app navigation. */
export function App() {
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

  const Page = routeId ? PAGES[routeId] : NotFoundPage;
  return <Page key={routeId ?? 'not-found'} />;
}
