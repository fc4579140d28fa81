import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BaseMapConfig } from '../application/base-map-config.js';

const MapConfigResponse = z.object({
  baseMap: z
    .object({
      tileUrl: z.string().describe('Raster tiles with {z}, {x} and {y}'),
      attribution: z.string(),
      maxZoom: z.number().int(),
    })
    .nullable()
    .describe('Null: the map draws only the app’s own geometry (no Internet needed)'),
});

export const mapConfigRoutes: FastifyPluginAsyncZod<{ baseMap: BaseMapConfig | null }> = async (app, options) => {
  const baseMap = options.baseMap
    ? { tileUrl: options.baseMap.tileUrl, attribution: options.baseMap.attribution, maxZoom: options.baseMap.maxZoom }
    : null;
  app.get(
    '/api/map-config',
    {
      config: { permission: 'public', sessionless: true },
      schema: {
        summary: 'What the web map draws under the communes: the configured base-map tiles, if any',
        tags: ['system'],
        response: { 200: MapConfigResponse },
      },
    },
    () => ({ baseMap }),
  );
};
