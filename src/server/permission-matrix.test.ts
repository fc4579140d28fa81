import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { openTestDatabase } from '../../test/fixtures/test-database.js';
import { buildApp } from './app.js';
import { PERMISSIONS, ROLES, type Action, type Audience } from '../domain/auth/permissions.js';
import { createApiToken } from '../application/auth/api-tokens.js';
import { systemActor } from '../domain/auth/actor.js';
import type { RoutePermissionEntry } from './authenticate.js';

/**
 * Every route × every audience (each role, a partner token, the anonymous public), generated from the routes the
 * app registers: allowed exactly when the permission table says so. A new route cannot escape it: the app refuses
 * to start with a route that declares no permission.
 */
const testApp = useTestApp();
const TOKEN_ACTIONS: Action[] = ['value.import', 'data.read', 'published.read'];

/** A concrete URL for a route pattern: each parameter gets a value of its expected shape. */
function concrete(url: string): string {
  return url
    .replace(':id', /^\/api\/(coverage\/runs|plans)/.test(url) ? '00000000-0000-4000-8000-000000000000' : '1')
    .replace(':file', url.includes('/layer/') ? '4G.png' : 'signal-4G.tif')
    .replace(':kind', 'org_unit')
    .replace(/:[A-Za-z]+/g, 'X1');
}

type Caller = { audience: Audience | 'token'; headers: () => Promise<Record<string, string>> };

const callers: Caller[] = [
  { audience: 'anonymous', headers: async () => ({}) },
  ...ROLES.map((role) => ({ audience: role, headers: () => testApp.as({ role, units: ['P1'] }) })),
  {
    audience: 'token',
    headers: async () => {
      const { token } = await createApiToken(
        testApp.db,
        systemActor('test'),
        { name: 'matrix', party: null, units: ['P1'], permissions: ['value.import', 'data.read'], expiresInDays: 1 },
        null,
      );
      return { authorization: `Bearer ${token}` };
    },
  },
];

function allowed(caller: Caller['audience'], route: RoutePermissionEntry): boolean {
  if (route.permission === 'public') return true;
  if (route.permission === 'signing_in') return caller !== 'anonymous' && caller !== 'token';
  if (caller === 'token') return TOKEN_ACTIONS.includes(route.permission);
  return PERMISSIONS[caller][route.permission] !== undefined;
}

describe('the permission matrix', () => {
  it('covers every API route the app registers', () => {
    const routes = testApp.app.routePermissions;
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('PUT /api/indicator-values');
  });

  it('allows or refuses each route for each audience exactly as the table says', async () => {
    const mismatches: string[] = [];
    for (const route of testApp.app.routePermissions) {
      for (const caller of callers) {
        const headers = await caller.headers();
        const response = await testApp.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { ...headers, 'idempotency-key': 'matrix-key-0001' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const refused = response.statusCode === 401 || response.statusCode === 403;
        const refusedByTable = refused && ['auth.required', 'auth.forbidden'].includes(response.json().code);
        const expectAllowed = allowed(caller.audience, route);
        if (expectAllowed && refused)
          mismatches.push(`${caller.audience} ${route.method} ${route.url}: ${response.statusCode} ${response.body}`);
        if (!expectAllowed && !refusedByTable)
          mismatches.push(
            `${caller.audience} ${route.method} ${route.url}: expected a refusal, got ${response.statusCode}`,
          );
        if (response.statusCode >= 500) mismatches.push(`${caller.audience} ${route.method} ${route.url}: 500`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('will not start with a route that declares no permission', async () => {
    const db = await openTestDatabase();
    const app = await buildApp({ db });
    try {
      expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no permission/);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
