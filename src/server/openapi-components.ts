import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type TransformObject = typeof jsonSchemaTransformObject;
interface OpenApiObject {
  paths?: unknown;
  components?: { schemas?: Record<string, unknown> };
}

const REF = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * The shared schemas as components, as the zod type provider lists them, less the `…Input` copy it makes of each:
 * the shared schemas describe answers, so a copy stays only when a request body or another kept schema uses it.
 */
export const componentsTransform: TransformObject = (document) => {
  const openapi = jsonSchemaTransformObject(document) as OpenApiObject;
  const schemas = openapi.components?.schemas ?? {};
  const kept = new Set(Object.keys(schemas).filter((name) => !name.endsWith('Input')));
  const pending = [JSON.stringify(openapi.paths ?? {}), ...[...kept].map((name) => JSON.stringify(schemas[name]))];
  while (pending.length > 0) {
    for (const [, name] of pending.pop()!.matchAll(REF)) {
      if (name === undefined || kept.has(name) || !(name in schemas)) continue;
      kept.add(name);
      pending.push(JSON.stringify(schemas[name]));
    }
  }
  const components = { ...openapi.components, schemas: Object.fromEntries([...kept].map((n) => [n, schemas[n]])) };
  return { ...openapi, components } as unknown as ReturnType<TransformObject>;
};
