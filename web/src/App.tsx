import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { navigate } from './navigation.js';
import { matchRoute } from './routes.js';
import { actorKey, useSession } from './session.js';
import { LoadingPanel } from './components/LoadingPanel.js';

/**
 * The frame every screen is drawn in. Screens wait for the session (one short request) so that the public never
 * asks for what only the signed-in may read, and a screen is mounted afresh when someone signs in or out: its
 * figures and buttons are the new actor's. The sign-in page keeps its steps across that change.
 */
export function App() {
  const session = useSession();
  const { pathname, search, hash } = useLocation();
  const match = matchRoute(pathname);
  const routeId = match?.route.id ?? null;

  // '/Nhap-so-lieu/', '/import', '/indicator/X' … → the canonical path, keeping the query and the fragment.
  const rewriteTo = match && !match.canonical ? match.canonicalPath : null;
  useEffect(() => {
    if (rewriteTo) navigate(rewriteTo + search + hash, { replace: true });
  }, [rewriteTo, search, hash]);

  // After a click on the navigation (not on the first load), focus the new page's heading, or its main area,
  // so that screen readers announce it and the keyboard continues from there.
  const shownRoute = useRef(pathname);
  useEffect(() => {
    if (shownRoute.current === pathname) return;
    shownRoute.current = pathname;
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }, [pathname]);

  if (session.status === 'loading' || rewriteTo) return <RouteFallback />;
  const actor = routeId === 'signIn' ? '' : actorKey(session);
  return (
    <Fragment key={actor}>
      <PendingBar />
      <Outlet />
    </Fragment>
  );
}

/** A thin bar while the next screen's code is fetched (on a weak signal that can take a moment). */
function PendingBar() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div className="route-pending" role="progressbar" aria-label={t('overview.loading')} />;
}

/** The first instant, while the session or a screen's code is fetched. */
export function RouteFallback() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <LoadingPanel className="app-loading">{t('overview.loading')}</LoadingPanel>
    </div>
  );
}
