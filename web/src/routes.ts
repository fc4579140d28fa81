/**
 * The route table: the screens and their paths. Pure functions (no DOM) so they are easy to test; the
 * History API glue is in navigation.ts.
 */
import { generatePath, matchPath } from 'react-router';
import { fold } from './units.js';

export type RouteId =
  | 'overview'
  | 'indicator'
  | 'map'
  | 'planner'
  | 'entry'
  | 'approval'
  | 'import'
  | 'validation'
  | 'commune'
  | 'agreement'
  | 'admin'
  | 'account'
  | 'signIn';

export interface RouteDef {
  id: RouteId;
  /** Canonical path (Vietnamese, without diacritics); `:name` segments are parameters (`/chi-so/:code`). */
  path: string;
  /** Other paths that lead to the same screen; they are rewritten to `path`. */
  aliases: readonly string[];
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'overview', path: '/', aliases: ['/index.html', '/tong-quan', '/overview'] },
  { id: 'indicator', path: '/chi-so/:code', aliases: ['/indicator/:code', '/indicators/:code'] },
  { id: 'map', path: '/ban-do', aliases: ['/map', '/bando'] },
  { id: 'planner', path: '/quy-hoach-5g', aliases: ['/planner', '/5g-planning', '/quy-hoach'] },
  { id: 'entry', path: '/nhap-lieu', aliases: ['/entry', '/data-entry'] },
  { id: 'approval', path: '/phe-duyet', aliases: ['/approval', '/approvals'] },
  { id: 'import', path: '/nhap-so-lieu', aliases: ['/import'] },
  { id: 'validation', path: '/kiem-tra', aliases: ['/kiem-tra-so-lieu', '/validation'] },
  { id: 'commune', path: '/xa/:code', aliases: ['/commune/:code', '/don-vi/:code', '/unit/:code'] },
  { id: 'agreement', path: '/thoa-thuan', aliases: ['/agreement'] },
  { id: 'admin', path: '/quan-tri', aliases: ['/admin'] },
  { id: 'account', path: '/tai-khoan', aliases: ['/account'] },
  // The server's single sign-on sends the browser back here too.
  { id: 'signIn', path: '/dang-nhap', aliases: ['/sign-in', '/login', '/dangnhap'] },
];

/** Screens reached from another screen (a card, a row, the account menu) rather than from the navigation. */
export type DetailRouteId = 'signIn' | 'indicator' | 'commune' | 'account';
export type NavRouteId = Exclude<RouteId, DetailRouteId>;

/** The screens of the page navigation, in order (sign-in and the detail screens are reached otherwise). */
export const NAV_ROUTES: readonly NavRouteId[] = [
  'overview',
  'map',
  'planner',
  'entry',
  'approval',
  'import',
  'validation',
  'agreement',
  'admin',
];

/** Query parameters every page understands; the navigation keeps them from page to page. */
export const SHARED_PARAMS = ['unit', 'lang'] as const;

/**
 * A pathname reduced to its comparable form: percent-decoded, lower case, without diacritics
 * ('/Nhập-số-liệu/' → '/nhap-so-lieu'), without repeated or trailing slashes.
 */
export function normalizePath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // a stray '%': compare the raw text
  }
  path = fold(path).replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path.startsWith('/') ? path : `/${path}`;
}

export interface RouteMatch {
  route: RouteDef;
  /** False when the path was an alias or not written canonically: the URL should be rewritten. */
  canonical: boolean;
  /** The path parameters (`code` of `/chi-so/:code`), as written in the URL (decoded, not folded). */
  params: Record<string, string>;
  /** The canonical path for these parameters. */
  canonicalPath: string;
}

/** Matches `pattern` exactly (the whole path), case and diacritics folded. */
function matchPattern(pattern: string, folded: string, raw: string): Record<string, string> | null {
  const found = matchPath({ path: pattern, caseSensitive: false, end: true }, folded);
  if (!found) return null;
  if (Object.keys(found.params).length === 0) return {};
  // Parameters keep their own spelling (a commune code is not folded): read them from the raw path, which has
  // the same segments as the folded one.
  const rawSegments = decodeSafely(raw)
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .split('/');
  const patternSegments = pattern.split('/');
  const params: Record<string, string> = {};
  patternSegments.forEach((segment, i) => {
    if (segment.startsWith(':')) params[segment.slice(1)] = rawSegments[i] ?? '';
  });
  return params;
}

function decodeSafely(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The screen for a pathname, or null for an unknown path (a "page not found"). */
export function matchRoute(pathname: string): RouteMatch | null {
  const path = normalizePath(pathname);
  const raw = pathname.startsWith('/') ? pathname : `/${pathname}`;
  for (const route of ROUTES) {
    for (const pattern of [route.path, ...route.aliases]) {
      const params = matchPattern(pattern, path, raw);
      if (!params) continue;
      const canonicalPath = generatePath(route.path, params);
      const canonical = pattern === route.path && pathname === canonicalPath;
      return { route, canonical, params, canonicalPath };
    }
  }
  return null;
}

export function routeById(id: RouteId): RouteDef {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route;
}

/**
 * The link to a screen from the current URL: keeps the shared parameters (`?unit=`, `?lang=`), drops the
 * others (each page's own parameters, such as `?year=` or `?period=`), then adds `extra`.
 */
export function routeHref(
  id: RouteId,
  currentSearch = '',
  extra: Record<string, string> = {},
  params: Record<string, string> = {},
): string {
  const current = new URLSearchParams(currentSearch);
  const next = new URLSearchParams();
  for (const key of SHARED_PARAMS) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) next.set(key, value);
  const qs = next.toString();
  return `${generatePath(routeById(id).path, params)}${qs ? `?${qs}` : ''}`;
}

/** The query parameter of the sign-in page naming where to go afterwards. */
export const NEXT_PARAM = 'next';

/**
 * Where to go after signing in: an in-app path (with its query) from `?next=`, or the overview. Anything that
 * could leave the site (`//host`, `/\\host`, `https:`) or lead back to the sign-in page falls back to '/'.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Browsers read a backslash as a slash ('/\host' is another site) and drop tabs and newlines.
  if ([...next].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20)) return '/';
  const url = new URL(next, 'http://app.invalid');
  if (url.origin !== 'http://app.invalid') return '/';
  if (matchRoute(url.pathname)?.route.id === 'signIn') return '/';
  return url.pathname + url.search + url.hash;
}

/** The sign-in link from the current URL: back here afterwards, in the same language. */
export function signInHref(currentPathname: string, currentSearch = ''): string {
  const here = safeNext(currentPathname + currentSearch);
  return routeHref('signIn', currentSearch, here === '/' ? {} : { [NEXT_PARAM]: here });
}
