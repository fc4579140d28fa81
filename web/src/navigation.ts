/**
 * Navigation on top of React Router: `useLocation()` is the router's, and `navigate()` may be called outside
 * components (a sign-in step, a rewrite) once the router has registered itself.
 */
import type { MouseEvent } from 'react';

export { useLocation } from 'react-router';

export interface AppLocation {
  pathname: string;
  search: string;
}

type RouterNavigate = (to: string, options: { replace: boolean; preventScrollReset?: boolean }) => unknown;
let routerNavigate: RouterNavigate | null = null;

/** Called once by the router (router.tsx), which owns the history. */
export function registerNavigator(navigateWith: RouterNavigate | null): void {
  routerNavigate = navigateWith;
}

/**
 * Goes to `to` (absolute or relative to the current URL) without reloading. A new page starts at the top;
 * `replace` rewrites the current history entry instead of adding one.
 */
export function navigate(to: string | URL, { replace = false }: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url);
    return;
  }
  if (url.href === window.location.href) return;
  const samePage = url.pathname === window.location.pathname;
  const path = url.pathname + url.search + url.hash;
  if (routerNavigate) void routerNavigate(path, { replace, preventScrollReset: samePage });
  else if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

/** A click the app should handle itself: main button, no modifier (those open a new tab or window). */
export function isPlainClick(event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** onClick for an in-app <a href>: navigates with the router, leaving new-tab clicks to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || !isPlainClick(event)) return;
  const anchor = event.currentTarget;
  if (anchor.target && anchor.target !== '_self') return;
  if (anchor.hasAttribute('download')) return;
  event.preventDefault();
  navigate(anchor.href);
}
