import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadMigrations } from '../db/migrate.js';
import { Unavailable } from '../domain/errors.js';

const Engine = z.enum(['pglite', 'postgres']).describe('The database engine in use');
const Liveness = z.object({ status: z.literal('ok'), engine: Engine });
const Readiness = z.object({
  status: z.literal('ready'),
  engine: Engine,
  migration: z.string().nullable().describe('The latest migration applied'),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const latestMigration = loadMigrations().at(-1)?.version ?? null;

  app.get(
    '/api/health',
    {
      config: { permission: 'public', sessionless: true },
      schema: {
        summary: 'Liveness: the process answers (it does not wait for the database)',
        tags: ['system'],
        response: { 200: Liveness },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const, engine: app.db.engine };
    },
  );
  app.get(
    '/api/ready',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Readiness: the database answers and its migrations are those this version expects (503 if not)',
        tags: ['system'],
        response: { 200: Readiness },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      let applied: string | null;
      try {
        const [row] = await app.db.query<{ version: string | null }>(
          'select max(version) as version from schema_migration',
        );
        applied = row?.version ?? null;
      } catch (error) {
        throw new Unavailable('service.database', `The database does not answer: ${(error as Error).message}`, 5);
      }
      if (applied !== latestMigration)
        throw new Unavailable(
          'service.migrations',
          `The database is at migration ${applied ?? 'none'}, this version expects ${latestMigration}: run dx-compact migrate`,
          30,
        );
      return { status: 'ready' as const, engine: app.db.engine, migration: applied };
    },
  );
};
