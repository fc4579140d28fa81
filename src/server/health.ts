import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: { summary: 'Liveness and the database engine in use', tags: ['system'] },
    },
    async () => {
      await app.db.query('select 1');
      return { status: 'ok', engine: app.db.engine };
    },
  );
};
