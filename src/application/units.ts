import type { Queryable } from '../db/database.js';
import { unitIdsByCode } from '../db/org-units.js';
import { Invalid } from '../domain/errors.js';

/** Unit codes given in a request, as ids; every unknown code is reported at `path`. */
export async function resolveUnitCodes(db: Queryable, codes: readonly string[], path: string): Promise<number[]> {
  const ids = await unitIdsByCode(db, codes);
  const unknown = codes.filter((code) => !ids.has(code));
  if (unknown.length > 0)
    throw new Invalid(
      'org_unit.not_found',
      `Unknown unit code(s): ${unknown.join(', ')}`,
      unknown.map((code) => ({ path, message: `unknown unit "${code}"` })),
      { codes: unknown.join(', ') },
    );
  return codes.map((code) => ids.get(code)!);
}
