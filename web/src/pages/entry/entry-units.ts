import type { UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { Scope } from '../../../../src/domain/auth/permissions.js';

/**
 * The units the user may enter figures for: every province and commune with scope `all`, otherwise the assigned
 * units and the units below them. The nation is never entered by hand here.
 */
export function writableUnits(tree: UnitTreeNode, scope: Scope, assigned: readonly string[]): UnitTreeNode[] {
  const found: UnitTreeNode[] = [];
  const visit = (node: UnitTreeNode, inside: boolean) => {
    const mine = inside || scope === 'all' || assigned.includes(node.code);
    if (mine && node.level !== 'nation') found.push(node);
    for (const child of node.children) visit(child, mine);
  };
  visit(tree, false);
  return found;
}

/** The month before `today`, as '2025-09': the period most often being reported. */
export function lastMonth(today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
