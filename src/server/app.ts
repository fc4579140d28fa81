import { existsSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import cookie from '@fastify/cookie';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { addProblemResponses } from './problem-responses.js';
import { componentsTransform } from './openapi-components.js';
import { orgUnitRoutes } from './org-units.js';
import { indicatorRoutes } from './indicators.js';
import { indicatorValueRoutes } from './indicator-values.js';
import { agreementRoutes } from './agreements.js';
import { indicatorTableRoutes } from './indicator-table.js';
import { rollUpRoutes } from './roll-ups.js';
import { approvalRoutes } from './approvals.js';
import { dhis2Routes } from './dhis2.js';
import { validationRoutes } from './validation.js';
import { findingExplanationRoutes } from './finding-explanations.js';
import { importRoutes } from './imports.js';
import { coverageRoutes } from './coverage.js';
import { plannerRoutes } from './planner.js';
import { plannerFileRoutes } from './planner-files.js';
import { healthRoutes } from './health.js';
import { authenticationPlugin } from './authenticate.js';
import { workLimitsPlugin } from './work-limits.js';
import { figuresCachePlugin } from './figures-cache.js';
import { authRoutes } from './auth.js';
import { accountRoutes } from './accounts.js';
import { mapConfigRoutes } from './map-config.js';
import type { BaseMapConfig } from '../application/base-map-config.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from '../application/auth/auth-config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

export interface AppOptions {
  db: Database;
  /** Built web app to serve at /, if present (dist/web). */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per client address. */
  rateLimitPerMinute?: number;
  version?: string;
  /** Where coverage runs write their GeoTIFFs (default: a temporary folder). */
  coverageOutputDir?: string;
  /** Sign-in and permissions (defaults: DEFAULT_AUTH_CONFIG). */
  auth?: AuthConfig;
  /** Trust X-Forwarded-* from a reverse proxy (HTTPS termination): Secure cookies and client addresses follow it. */
  trustProxy?: boolean;
  /** Memory for answers of the figures routes kept while the figures stay unchanged; 0 turns it off (default 64 MB). */
  figuresCacheBytes?: number;
  /** Base-map tiles under the web map (default none: the map draws only the app's own geometry). */
  baseMap?: BaseMapConfig | null;
}

function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: 'about:blank',
    title: tooLarge ? 'Request header fields too large' : 'Bad request',
    status,
    code: tooLarge ? 'request.headers_too_large' : 'request.invalid',
    detail: tooLarge ? 'The request headers are larger than the server accepts (16 KB)' : 'The request is malformed',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `content-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}

/** Builds the HTTP app; tests call inject() on it without listening. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // One line per request, written below with the user and the route; never headers, bodies or query strings.
    disableRequestLogging: true,
    // What Node's HTTP parser refuses before any route sees it (headers too large, a malformed request line) is
    // answered as a problem document too.
    clientErrorHandler: answerClientError,
    // Errors Fastify raises before routing (a malformed URL, an unparseable body) become problem documents too.
    frameworkErrors: (error, request, reply) => problemHandler(error as FastifyError, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  const auth = options.auth ?? DEFAULT_AUTH_CONFIG;
  // The browser loads base-map tiles (images, fetched by MapLibre's worker) from the tile server itself.
  const tileOrigins = options.baseMap ? [options.baseMap.origin] : [];
  app.decorate('db', options.db);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Before any route (and before the OpenAPI plugin reads them): every route documents its problem answers.
  app.addHook('onRoute', addProblemResponses);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        user: request.actor?.name ?? 'anonymous',
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0]!.slice(0, 200),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins],
        styleSrc: ["'self'", "'unsafe-inline'"], // charts and the API explorer set inline styles
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...tileOrigins],
      },
    },
  });
  const perMinute = options.rateLimitPerMinute ?? 1200;
  if (perMinute > 0)
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: '1 minute',
      // Per client: the session or the token when there is one (offices share an address behind their gateway).
      keyGenerator: (request) => {
        const credential = request.headers.authorization ?? request.headers.cookie?.match(/dx_session=([^;]+)/)?.[1];
        return credential ? `c:${credential.slice(-32)}` : `a:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`Too many requests; try again in ${context.after}`), { statusCode: 429 }),
    });
  // Uploads: intake files and coverage inputs (a province DEM at 30 m is a few hundred MB).
  await app.register(multipart, { limits: { fileSize: 1024 * 1024 * 1024, files: 20, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'DX Compact API',
        description: 'Agreement, indicators, values and roll-ups. Errors are application/problem+json (RFC 9457).',
        version: options.version ?? '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (ProblemSchema, the contract modules' shapes) become components/schemas.
    transformObject: componentsTransform,
  });
  // Before the work limits: an answer from the cache (or a 304) takes no slot of the computed reads.
  await app.register(figuresCachePlugin, { maxBytes: options.figuresCacheBytes });
  await app.register(workLimitsPlugin);
  await app.register(cookie);
  // Before every route, so that each one is checked for a declared permission as it is registered.
  await app.register(authenticationPlugin, { config: auth, publicPrefixes: ['/api/docs'] });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes, { config: auth });
  await app.register(accountRoutes);
  await app.register(orgUnitRoutes);
  await app.register(indicatorRoutes);
  await app.register(indicatorValueRoutes);
  await app.register(rollUpRoutes);
  await app.register(approvalRoutes, { separationOfDuties: auth.separationOfDuties });
  await app.register(dhis2Routes);
  await app.register(validationRoutes);
  await app.register(findingExplanationRoutes);
  await app.register(importRoutes);
  await app.register(coverageRoutes, { outputDir: options.coverageOutputDir ?? join(tmpdir(), 'dx-compact-coverage') });
  await app.register(plannerRoutes, {
    coverageDir: options.coverageOutputDir ?? join(tmpdir(), 'dx-compact-coverage'),
  });
  await app.register(plannerFileRoutes);
  await app.register(agreementRoutes);
  await app.register(mapConfigRoutes, { baseMap: options.baseMap ?? null });
  await app.register(indicatorTableRoutes);

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    // preCompressed: the build writes .br/.gz beside each asset (tools/precompress.mjs).
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      preCompressed: true,
      // Vite names assets by content hash: a phone keeps them until a new build renames them.
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes: any GET outside /api that is not a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return notFoundHandler(request, reply);
      return reply.sendFile('index.html');
    });
  }
  return app;
}
