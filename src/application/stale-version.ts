import { PreconditionFailed } from '../domain/errors.js';

/** Refuses a write that names a version (If-Match) other than the stored one: someone changed it meanwhile. */
export function refuseStaleVersion(
  expected: number | undefined,
  stored: number,
  about: { what: string; current: unknown; updatedBy: string | null },
): void {
  if (expected === undefined || expected === stored) return;
  throw new PreconditionFailed(
    'version.stale',
    `${about.what} was changed${about.updatedBy ? ` by ${about.updatedBy}` : ''} since you read it (version ${expected}, now ${stored}); reload it and try again`,
    about.current,
    undefined,
    { what: about.what, by: about.updatedBy ?? '' },
  );
}
