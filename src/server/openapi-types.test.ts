import { describe, expect, it } from 'vitest';
import { openApiDocument, readCommittedApiTypes, renderApiTypes } from '../../tools/api-types.js';

describe('the web app’s API types', () => {
  it('are what the OpenAPI document generates today (run `npm run api:types` after changing a schema)', async () => {
    const document = await openApiDocument();
    const committed = await readCommittedApiTypes();
    expect(committed, 'web/src/api/openapi.d.ts is missing: run npm run api:types').not.toBeNull();
    expect(committed).toBe(await renderApiTypes(document));
  });

  it('document a problem answer on every route and an answer body on every JSON route', async () => {
    const document = await openApiDocument();
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: object }>)) {
        const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
        if (!responses['400']?.content?.['application/problem+json']) undocumented.push(`${method} ${path}: 400`);
        if (!Object.keys(responses).some((status) => status.startsWith('2')))
          undocumented.push(`${method} ${path}: no success answer`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
