/**
 * Client-side navigation with the History API: `navigate()` pushes (or replaces) a URL and tells every
 * `useLocation()` about it; the back and forward buttons arrive as popstate. No router dependency.
 */
import { useSyncExternalStore, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'dx:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// A string snapshot: equal URLs compare equal, so an unrelated event does not re-render.
const snapshot = () => window.location.pathname + window.location.search;
const serverSnapshot = () => '/';

export interface AppLocation {
  pathname: string;
  search: string;
}

function splitSnapshot(value: string): AppLocation {
  const q = value.indexOf('?');
  return q < 0 ? { pathname: value, search: '' } : { pathname: value.slice(0, q), search: value.slice(q) };
}

/** The current pathname and search; re-renders on navigate() and on the back/forward buttons. */
export function useLocation(): AppLocation {
  return splitSnapshot(useSyncExternalStore(subscribe, snapshot, serverSnapshot));
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
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  if (!samePage && !url.hash) window.scrollTo(0, 0);
}

/** A click the app should handle itself: main button, no modifier (those open a new tab or window). */
export function isPlainClick(event: Pick<MouseEvent, 'button' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** onClick for an in-app <a href>: navigates with pushState, leaving new-tab clicks to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || !isPlainClick(event)) return;
  const anchor = event.currentTarget;
  if (anchor.target && anchor.target !== '_self') return;
  if (anchor.hasAttribute('download')) return;
  event.preventDefault();
  navigate(anchor.href);
}
