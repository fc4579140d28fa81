import type { Database } from '../db/database.js';
import { listIndicators } from '../db/indicators.js';
import { appendAudit } from '../db/audit-log.js';
import { findValidationRule, upsertValidationRule, type StoredRule } from '../db/validation-rules.js';
import type { Actor } from '../domain/auth/actor.js';
import { formulaReferences, parseFormula } from '../domain/indicators/formula/index.js';
import type { ValidationRule } from '../domain/validation/rule-check.js';
import { Invalid } from '../domain/errors.js';
import { auditContext } from './audit-context.js';
import { requireAction } from './authorize.js';
import { refuseStaleVersion } from './stale-version.js';
import { transactionAs } from './transaction-as.js';

const audited = (rule: ValidationRule) => ({
  code: rule.code,
  left: rule.left,
  operator: rule.operator,
  right: rule.right,
  importance: rule.importance,
  tolerance: rule.tolerance ?? 0,
});

/** Creates or replaces a rule; both sides must be formulas over known indicators. Audited. */
export async function saveValidationRule(
  db: Database,
  actor: Actor,
  rule: ValidationRule,
  options: { expectedVersion?: number | undefined; reason: string | null },
  requestId: string | null,
): Promise<StoredRule> {
  requireAction(actor, 'validation_rule.define');
  const known = new Set((await listIndicators(db)).map((i) => i.code));
  for (const side of ['left', 'right'] as const) {
    const unknown = formulaReferences(parseFormula(rule[side])).filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new Invalid('rule.unknown_reference', `The ${side} side names unknown indicators: ${unknown.join(', ')}`, [
        { path: `body.${side}`, message: `unknown: ${unknown.join(', ')}` },
      ]);
    }
  }
  return transactionAs(db, actor, async (tx) => {
    const before = await findValidationRule(tx, rule.code, true);
    refuseStaleVersion(options.expectedVersion, before?.version ?? 0, {
      what: `the rule ${rule.code}`,
      current: before,
      updatedBy: before?.updatedBy ?? null,
    });
    await upsertValidationRule(tx, rule, actor.name);
    await appendAudit(tx, auditContext(actor, requestId, options.reason, 'api'), [
      {
        action: before ? 'rule.update' : 'rule.create',
        entity: 'validation_rule',
        entityKey: { rule: rule.code },
        oldValue: before ? audited(before) : null,
        newValue: audited(rule),
      },
    ]);
    return (await findValidationRule(tx, rule.code))!;
  });
}
