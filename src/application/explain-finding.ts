import type { Database } from '../db/database.js';
import { appendAudit } from '../db/audit-log.js';
import {
  deleteExplanation,
  findExplanation,
  upsertExplanation,
  type FindingExplanation,
  type FindingKey,
} from '../db/finding-explanations.js';
import { findUnit } from '../db/org-units.js';
import type { Actor } from '../domain/auth/actor.js';
import { NotFound } from '../domain/errors.js';
import { parsePeriod } from '../domain/periods.js';
import { auditContext } from './audit-context.js';
import { requireUnits } from './authorize.js';
import { transactionAs } from './transaction-as.js';

/** Explaining a finding is part of looking after the unit's data: whoever may correct its values may explain it. */
const EXPLAIN_ACTION = 'value.write';

const entityKey = (key: FindingKey) => ({
  rule: key.ruleCode,
  indicator: key.indicator,
  unit: key.unit,
  period: key.period,
});
const audited = (e: FindingExplanation | null) => (e ? { comment: e.comment, explainedBy: e.explainedBy } : null);

async function unitInScope(db: Database, actor: Actor, key: FindingKey) {
  parsePeriod(key.period); // a malformed period is a 400 naming it, not a row nobody can find
  const unit = await findUnit(db, key.unit);
  await requireUnits(db, actor, EXPLAIN_ACTION, [unit]);
  return unit;
}

/** Marks a finding explained with a comment (or changes the comment). Audited with the signed-in user. */
export async function explainFinding(
  db: Database,
  actor: Actor,
  key: FindingKey,
  comment: string,
  requestId: string | null,
): Promise<FindingExplanation> {
  const unit = await unitInScope(db, actor, key);
  return transactionAs(db, actor, async (tx) => {
    const before = await findExplanation(tx, key);
    await upsertExplanation(tx, key, unit.id, comment, actor.name);
    const after = (await findExplanation(tx, key))!;
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: before ? 'finding.explanation_update' : 'finding.explain',
        entity: 'finding_explanation',
        entityKey: entityKey(key),
        oldValue: audited(before),
        newValue: audited(after),
      },
    ]);
    return after;
  });
}

/** Takes a finding's explanation back: the finding counts as open again. Audited. */
export async function unexplainFinding(
  db: Database,
  actor: Actor,
  key: FindingKey,
  requestId: string | null,
): Promise<void> {
  const unit = await unitInScope(db, actor, key);
  await transactionAs(db, actor, async (tx) => {
    const before = await findExplanation(tx, key);
    if (!before)
      throw new NotFound('finding.not_explained', `This finding has no explanation to remove`, undefined, {
        rule: key.ruleCode,
        unit: key.unit,
        period: key.period,
      });
    await deleteExplanation(tx, key, unit.id);
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: 'finding.unexplain',
        entity: 'finding_explanation',
        entityKey: entityKey(key),
        oldValue: audited(before),
        newValue: null,
      },
    ]);
  });
}
