import { evaluateFormula, formulaReferences, parseFormula } from '../domain/indicators/formula/index.js';
import type { FormulaNode } from '../domain/indicators/formula/index.js';
import { checkRule, type ValidationRule } from '../domain/validation/rule-check.js';
import type { ImportRow } from './check-rows.js';
import { valueKey, valueProblem, type DiffRow, type ProblemSite } from './classify-rows.js';
import type { RowError } from './row-error.js';

/** A validation rule parsed once for a whole file. */
interface ParsedRule {
  rule: ValidationRule;
  left: FormulaNode;
  right: FormulaNode;
  references: ReadonlySet<string>;
}

/** What the rules found: a high-importance failure refuses the file; the others are shown and let it pass. */
export interface CrossRuleFindings {
  errors: RowError[];
  warnings: RowError[];
}

const bare = (formula: string) => formula.replace(/[{}]/g, '');

/** The rules a file's values can be checked against: those whose sides parse (a broken rule is the editor's). */
function parseRules(rules: readonly ValidationRule[]): ParsedRule[] {
  const parsed: ParsedRule[] = [];
  for (const rule of rules) {
    try {
      const left = parseFormula(rule.left);
      const right = parseFormula(rule.right);
      parsed.push({
        rule,
        left,
        right,
        references: new Set([...formulaReferences(left), ...formulaReferences(right)]),
      });
    } catch {
      continue;
    }
  }
  return parsed;
}

/** The indicators every rule reads: which stored values the check needs besides the file's own. */
export function ruleReferences(rules: readonly ValidationRule[]): Set<string> {
  return new Set(parseRules(rules).flatMap((r) => [...r.references]));
}

/**
 * Checks the cross-indicator rules (teachers with a digital signature ≤ all teachers) on the file's values merged
 * with the stored ones, for each unit and period where the file writes a value a rule reads. A failure is reported
 * on every written row of that unit and period the rule reads, so the user sees which cells to look at.
 * `stored` gives the stored value of an indicator, unit and period (null: none).
 */
export function checkCrossRules(
  site: ProblemSite,
  rows: readonly ImportRow[],
  diff: readonly DiffRow[],
  rules: readonly ValidationRule[],
  stored: (indicator: string, unit: string, period: string) => number | null,
): CrossRuleFindings {
  const findings: CrossRuleFindings = { errors: [], warnings: [] };
  const fileValue = new Map(diff.map((line) => [valueKey(line.indicator, line.unit, line.period), line.newValue]));
  const parsed = parseRules(rules);
  for (const { rule, left, right, references } of parsed) {
    const groups = new Map<string, number[]>();
    diff.forEach((line, i) => {
      if (line.status === 'unchanged' || !references.has(line.indicator)) return;
      const group = `${line.unit}\u0000${line.period}`;
      groups.set(group, [...(groups.get(group) ?? []), i]);
    });
    for (const [group, indexes] of groups) {
      const [unit, period] = group.split('\u0000') as [string, string];
      const lookup = (code: string) => fileValue.get(valueKey(code, unit, period)) ?? stored(code, unit, period);
      const leftValue = evaluateFormula(left, lookup);
      const rightValue = evaluateFormula(right, lookup);
      if (checkRule(rule, leftValue, rightValue).status !== 'fail') continue;
      const params = {
        rule: rule.code,
        ruleNameVi: rule.nameVi,
        ruleNameEn: rule.nameEn,
        unit,
        period,
        left: bare(rule.left),
        right: bare(rule.right),
        operator: rule.operator,
        leftValue: leftValue!,
        rightValue: rightValue!,
      };
      const list = rule.importance === 'high' ? findings.errors : findings.warnings;
      for (const i of indexes) list.push(valueProblem(site, rows[i]!, 'row.rule_failed', params));
    }
  }
  return findings;
}
