import type { RouteOptions } from 'fastify';
import { ProblemSchema } from '../domain/problem-contract.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or fails the schema (field paths in `errors`)',
  401: 'Sign-in (or an API token) is required',
  403: 'Signed in, but not allowed: permission, unit scope, CSRF or cross-site check',
  404: 'The unit, indicator or other thing named does not exist',
  409: 'Conflicts with what is stored (already exists, locked by approval, wrong state)',
  412: 'The stored version differs from If-Match (what is stored now is in `current`)',
  413: 'The body or an uploaded file is larger than the server accepts',
  415: 'The body is not of a type this route accepts',
  422: 'Understood but refused by a rule of the domain (details in `errors`)',
  429: 'Too many requests or attempts; Retry-After says when to try again',
  500: 'Something went wrong on the server; quote the request id',
  503: 'Busy or not ready; Retry-After says when to try again',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const VERSIONED_WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

/** The problem statuses a route can answer with, from what it declares: permission, inputs, method, limits. */
export function problemStatuses(route: RouteOptions): number[] {
  const methods = [route.method].flat().map(String);
  const writes = methods.some((m) => WRITES.has(m));
  const takesInput = Boolean(route.schema?.params || route.schema?.querystring || route.schema?.body) || writes;
  const permission = route.config?.permission;
  const statuses = [400, 429, 500];
  // A public write can still be refused: wrong credentials (sign-in), a missing CSRF token, a cross-site request.
  if (permission !== 'public' || writes) statuses.push(401, 403);
  if (takesInput) statuses.push(404, 422);
  if (writes) statuses.push(409);
  if (methods.some((m) => VERSIONED_WRITES.has(m))) statuses.push(412);
  if (route.schema?.consumes?.includes('multipart/form-data')) statuses.push(413, 415);
  if (route.config?.workLimit || route.url === '/api/ready') statuses.push(503);
  return statuses.sort((a, b) => a - b);
}

/**
 * Documents every API route's problem+json answers with the one shared schema (they are built in problem.ts),
 * leaving alone a status the route declares itself. Registered before the routes, as an onRoute hook.
 */
export function addProblemResponses(route: RouteOptions) {
  if (!route.url.startsWith('/api/') || route.schema?.hide) return;
  const schema = (route.schema ??= {});
  const response = (schema.response ??= {}) as Record<string, unknown>;
  for (const status of problemStatuses(route)) {
    response[status] ??= {
      description: DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
}
