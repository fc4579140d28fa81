import { describe, expect, it } from 'vitest';
import { matchRoute, NAV_ROUTES, normalizePath, routeHref, ROUTES, safeNext, signInHref } from './routes.js';

describe('matchRoute', () => {
  it('finds each screen by its canonical path', () => {
    expect(matchRoute('/')).toEqual({ route: ROUTES[0], canonical: true, params: {}, canonicalPath: '/' });
    expect(matchRoute('/nhap-so-lieu')?.route.id).toBe('import');
    expect(matchRoute('/nhap-so-lieu')?.canonical).toBe(true);
    expect(matchRoute('/kiem-tra')?.route.id).toBe('validation');
    expect(matchRoute('/ban-do')).toMatchObject({ route: { id: 'map' }, canonical: true });
  });

  it('finds the map by its aliases and with diacritics', () => {
    for (const path of ['/map', '/bản-đồ', '/B%E1%BA%A3n-%C4%91%E1%BB%93/', '/bando']) {
      expect(matchRoute(path)).toMatchObject({ route: { id: 'map' }, canonical: false });
    }
    expect(routeHref('map', '?unit=60309134&lang=en&year=2025')).toBe('/ban-do?unit=60309134&lang=en');
  });

  it('accepts a trailing slash, capitals, diacritics and aliases, marked for rewriting', () => {
    for (const path of ['/nhap-so-lieu/', '/Nhap-So-Lieu', '/nh%E1%BA%ADp-s%E1%BB%91-li%E1%BB%87u', '/import']) {
      expect(matchRoute(path)).toMatchObject({ route: { id: 'import' }, canonical: false });
    }
    expect(matchRoute('/validation')).toMatchObject({ route: { id: 'validation' }, canonical: false });
    expect(matchRoute('/index.html')).toMatchObject({ route: { id: 'overview' }, canonical: false });
    expect(matchRoute('//kiem-tra')).toMatchObject({ route: { id: 'validation' }, canonical: false });
  });

  it('returns null for unknown paths, including near misses and API paths', () => {
    for (const path of ['/abc', '/nhap-so-lieu/them', '/kiem', '/api/health', '/%E0%A4%A']) {
      expect(matchRoute(path)).toBeNull();
    }
  });
});

describe('normalizePath', () => {
  it('decodes, folds and trims slashes', () => {
    expect(normalizePath('/Ki%E1%BB%83m-tra/')).toBe('/kiem-tra');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('/%zz')).toBe('/%zz');
  });
});

describe('routeHref', () => {
  it('keeps ?unit= and ?lang= and drops page-specific parameters', () => {
    expect(routeHref('import', '?unit=60309134&lang=en&year=2025')).toBe('/nhap-so-lieu?unit=60309134&lang=en');
    expect(routeHref('overview', '?period=2025-12')).toBe('/');
    expect(routeHref('validation', '')).toBe('/kiem-tra');
  });

  it('adds extra parameters, which win over the kept ones', () => {
    expect(routeHref('validation', '?unit=24&lang=vi', { unit: '60309134', period: '2025-11' })).toBe(
      '/kiem-tra?unit=60309134&lang=vi&period=2025-11',
    );
  });

  it('drops empty values', () => {
    expect(routeHref('import', '?unit=&lang=vi')).toBe('/nhap-so-lieu?lang=vi');
  });
});

describe('sign-in', () => {
  it('has its own path, which the single sign-on returns to, and no tab in the navigation', () => {
    expect(matchRoute('/dang-nhap')).toMatchObject({ route: { id: 'signIn' }, canonical: true });
    expect(matchRoute('/đăng-nhập')).toMatchObject({ route: { id: 'signIn' }, canonical: false });
    expect(matchRoute('/login')?.route.id).toBe('signIn');
    expect(NAV_ROUTES).not.toContain('signIn');
    const detail = ['signIn', 'indicator', 'commune', 'account'];
    expect(ROUTES.map((r) => r.id).filter((id) => !detail.includes(id))).toEqual(NAV_ROUTES);
  });

  it('reads path parameters, keeping their spelling, and rewrites aliases to the canonical path', () => {
    expect(matchRoute('/chi-so/mobile_4g_pop')).toMatchObject({
      route: { id: 'indicator' },
      canonical: true,
      params: { code: 'mobile_4g_pop' },
    });
    expect(matchRoute('/indicator/MOBILE_4G/')).toMatchObject({
      route: { id: 'indicator' },
      canonical: false,
      canonicalPath: '/chi-so/MOBILE_4G',
    });
    expect(matchRoute('/Xã/60309134')).toMatchObject({ route: { id: 'commune' }, canonicalPath: '/xa/60309134' });
    expect(matchRoute('/chi-so')).toBeNull();
    expect(routeHref('indicator', '?unit=24&year=2025', {}, { code: 'a_b' })).toBe('/chi-so/a_b?unit=24');
  });

  it('comes back to where the user was, in the same language', () => {
    expect(signInHref('/nhap-so-lieu', '?unit=24&lang=en&period=2025-09')).toBe(
      '/dang-nhap?unit=24&lang=en&next=%2Fnhap-so-lieu%3Funit%3D24%26lang%3Den%26period%3D2025-09',
    );
    expect(signInHref('/', '')).toBe('/dang-nhap');
    expect(signInHref('/dang-nhap', '?next=%2Fkiem-tra')).toBe('/dang-nhap');
  });

  it('never goes on to another site after signing in', () => {
    expect(safeNext('/kiem-tra?unit=24#x')).toBe('/kiem-tra?unit=24#x');
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/\tevil',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(next), String(next)).toBe('/');
    }
    expect(safeNext('/dang-nhap?next=/')).toBe('/');
  });
});
