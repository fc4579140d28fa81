/**
 * What the boundary routes answer: GeoJSON (WGS 84) of units, with an indicator's value when one was asked for.
 * Geometry is documented but passed through as stored (validating every vertex of a province would cost more
 * than the answer itself).
 */
import { z } from 'zod';
import { UnitSummarySchema } from './overview-contract.js';

const POSITION = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };
const RING = { type: 'array', items: POSITION };

export const PolygonGeometrySchema = z.unknown().meta({
  id: 'PolygonGeometry',
  description: 'A GeoJSON Polygon or MultiPolygon, longitude before latitude',
  oneOf: [
    {
      type: 'object',
      required: ['type', 'coordinates'],
      properties: { type: { type: 'string', enum: ['Polygon'] }, coordinates: { type: 'array', items: RING } },
    },
    {
      type: 'object',
      required: ['type', 'coordinates'],
      properties: {
        type: { type: 'string', enum: ['MultiPolygon'] },
        coordinates: { type: 'array', items: { type: 'array', items: RING } },
      },
    },
  ],
});

export const BoundaryPropertiesSchema = UnitSummarySchema.extend({
  indicator: z.string().optional().describe('Present when the request named an indicator'),
  period: z.string().optional(),
  value: z
    .number()
    .nullable()
    .optional()
    .describe('The indicator rolled up to this unit for the period; null when there is no data or it is not published'),
}).meta({ id: 'BoundaryProperties' });

export const BoundaryFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string().describe('The unit’s code'),
    properties: BoundaryPropertiesSchema,
    geometry: PolygonGeometrySchema.nullable(),
  })
  .meta({ id: 'BoundaryFeature' });

export const BoundaryCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(BoundaryFeatureSchema) })
  .meta({ id: 'BoundaryCollection' });

export const UnitFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    properties: UnitSummarySchema,
    geometry: PolygonGeometrySchema.nullable(),
  })
  .meta({ id: 'UnitFeature' });
