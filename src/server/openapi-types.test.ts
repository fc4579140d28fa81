import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPI3 } from 'openapi-typescript';
import { openApiDocument, readCommittedApiTypes, renderApiTypes } from '../../tools/api-types.js';

describe('the OpenAPI document and the web app’s types generated from it', () => {
  let document: OpenAPI3;
  beforeAll(async () => {
    document = await openApiDocument();
  });

  it('match the committed web/src/api/openapi.d.ts (run `npm run api:types` after changing a schema)', async () => {
    const committed = await readCommittedApiTypes();
    expect(committed, 'web/src/api/openapi.d.ts is missing: run npm run api:types').not.toBeNull();
    expect(committed).toBe(await renderApiTypes(document));
  });

  it('document every route’s answer and its problem+json errors', () => {
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: object }>)) {
        const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
        if (!responses['400']?.content?.['application/problem+json']) undocumented.push(`${method} ${path}: 400`);
        if (!responses['500']?.content?.['application/problem+json']) undocumented.push(`${method} ${path}: 500`);
        if (!Object.keys(responses).some((status) => /^[23]/.test(status)))
          undocumented.push(`${method} ${path}: no answer`);
      }
    }
    expect(Object.keys(document.paths ?? {}).length).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  });

  it('refer to the shared schemas by name, the Problem among them', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Problem', 'ProgressSummary', 'Indicator', 'CoverageRun', 'SessionState']),
    );
  });
});
