import type { Queryable } from './database.js';
import { listIndicators } from './indicators.js';
import { appendAudit, type WriteContext } from './audit-log.js';
import { formulaReferences, parseFormula } from '../domain/indicators/formula/index.js';
import type { ValidationRule } from '../domain/validation/rule-check.js';
import { Invalid } from '../domain/errors.js';

export async function listValidationRules(db: Queryable): Promise<ValidationRule[]> {
  return db.query<ValidationRule>(
    `select code, name_vi as "nameVi", name_en as "nameEn", left_formula as left, operator, right_formula as right,
            importance, tolerance from validation_rule order by code`,
  );
}

/** Creates or replaces a rule; both sides must be formulas over known indicators. Audited. */
export async function saveValidationRule(
  tx: Queryable,
  rule: ValidationRule,
  context: WriteContext,
): Promise<ValidationRule> {
  const known = new Set((await listIndicators(tx)).map((i) => i.code));
  for (const side of ['left', 'right'] as const) {
    const unknown = formulaReferences(parseFormula(rule[side])).filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new Invalid('rule.unknown_reference', `The ${side} side names unknown indicators: ${unknown.join(', ')}`, [
        { path: `body.${side}`, message: `unknown: ${unknown.join(', ')}` },
      ]);
    }
  }
  const [before] = await tx.query<ValidationRule>(
    `select code, left_formula as left, operator, right_formula as right, importance, tolerance from validation_rule where code = $1`,
    [rule.code],
  );
  await tx.query(
    `insert into validation_rule (code, name_vi, name_en, left_formula, operator, right_formula, tolerance, importance)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en, left_formula = excluded.left_formula,
       operator = excluded.operator, right_formula = excluded.right_formula, tolerance = excluded.tolerance, importance = excluded.importance`,
    [rule.code, rule.nameVi, rule.nameEn, rule.left, rule.operator, rule.right, rule.tolerance ?? 0, rule.importance],
  );
  await appendAudit(tx, context, [
    {
      action: before ? 'rule.update' : 'rule.create',
      entity: 'validation_rule',
      entityKey: { rule: rule.code },
      oldValue: before ?? null,
      newValue: {
        code: rule.code,
        left: rule.left,
        operator: rule.operator,
        right: rule.right,
        importance: rule.importance,
        tolerance: rule.tolerance ?? 0,
      },
    },
  ]);
  return rule;
}
