import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadMigrations } from '../db/migrate.js';
import { Unavailable } from '../domain/errors.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const latestMigration = loadMigrations().at(-1)?.version ?? null;

  app.get(
    '/api/health',
    {
      config: { permission: 'public', sessionless: true },
      schema: {
        summary: 'Liveness: the process answers (it does not wait for the database)',
        tags: ['system'],
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok', engine: app.db.engine };
    },
  );
  app.get(
    '/api/ready',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Readiness: the database answers and its migrations are those this version expects (503 if not)',
        tags: ['system'],
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
      return { status: 'ready', engine: app.db.engine, migration: applied };
    },
  );
};
