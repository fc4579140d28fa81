import type { Database } from '../db/database.js';
import { findIndicator, type Indicator } from '../db/indicators.js';
import {
  countStoredValues,
  definitionOf,
  findAreaId,
  insertIndicatorDefinition,
  knownFormulas,
  lockIndicator,
  updateIndicatorDefinition,
  type IndicatorDefinitionInput,
} from '../db/indicator-definitions.js';
import { appendAudit } from '../db/audit-log.js';
import type { Actor } from '../domain/auth/actor.js';
import { checkDefinitionShape } from '../domain/indicators/definition-check.js';
import { checkFormulaDefinition } from '../domain/indicators/formula/index.js';
import { Conflict, NotFound } from '../domain/errors.js';
import { auditContext } from './audit-context.js';
import { requireAction } from './authorize.js';
import { refuseStaleVersion } from './stale-version.js';
import { transactionAs } from './transaction-as.js';

/**
 * Creates or replaces an indicator's definition. A formula must parse, name only known indicators and close no
 * cycle; an indicator with stored values cannot become a formula; an update naming a version (If-Match) is refused
 * when the definition changed since. Audited under the actor.
 */
export async function saveIndicatorDefinition(
  db: Database,
  actor: Actor,
  input: IndicatorDefinitionInput,
  options: { mode: 'create' | 'update'; expectedVersion?: number | undefined; reason: string | null },
  requestId: string | null,
): Promise<Indicator> {
  requireAction(actor, 'indicator.define');
  checkDefinitionShape(input);
  return transactionAs(db, actor, async (tx) => {
    const existing = await lockIndicator(tx, input.code);
    if (options.mode === 'create' && existing)
      throw new Conflict('indicator.exists', `An indicator with the code "${input.code}" exists already`);
    if (options.mode === 'update' && !existing)
      throw new NotFound('indicator.not_found', `No indicator has the code "${input.code}"`, undefined, {
        code: input.code,
      });
    const before = existing ? await findIndicator(tx, input.code) : null;
    if (before)
      refuseStaleVersion(options.expectedVersion, before.version, {
        what: `the definition of ${input.code}`,
        current: before,
        updatedBy: before.updatedBy,
      });
    if (input.formula !== null) {
      checkFormulaDefinition(input.code, input.formula, await knownFormulas(tx));
      const stored = existing ? await countStoredValues(tx, existing.id) : 0;
      if (stored > 0)
        throw new Conflict(
          'indicator.has_values',
          `${input.code} has ${stored} stored values; it cannot become a formula indicator`,
        );
    }
    const areaId = input.areaCode === null ? null : await findAreaId(tx, input.areaCode);
    if (input.areaCode !== null && areaId === null)
      throw new NotFound('area.not_found', `No cooperation area has the code "${input.areaCode}"`, undefined, {
        code: input.areaCode,
      });
    if (existing) await updateIndicatorDefinition(tx, input, areaId, actor.name);
    else await insertIndicatorDefinition(tx, input, areaId, actor.name);
    const after = await findIndicator(tx, input.code);
    await appendAudit(tx, auditContext(actor, requestId, options.reason, 'api'), [
      {
        action: existing ? 'indicator.update' : 'indicator.create',
        entity: 'indicator',
        entityKey: { indicator: input.code },
        oldValue: before ? definitionOf(before) : null,
        newValue: definitionOf(after),
      },
    ]);
    return after;
  });
}
