import { childrenOf, type FormulaNode, type RefNode } from './formula-ast.js';

/** The first reference to each code, in source order; untaken `if` branches count too. */
export function firstReferences(node: FormulaNode): RefNode[] {
  const seen = new Map<string, RefNode>();
  const visit = (current: FormulaNode): void => {
    if (current.kind === 'ref') {
      if (!seen.has(current.code)) seen.set(current.code, current);
      return;
    }
    childrenOf(current).forEach(visit);
  };
  visit(node);
  return [...seen.values()];
}

/** The codes a formula refers to, each once, in order of first appearance. */
export function formulaReferences(node: FormulaNode): string[] {
  return firstReferences(node).map((ref) => ref.code);
}

/**
 * A cycle among formula definitions, as codes from a start back to itself (['A', 'B', 'A']), or null.
 * A null definition is a stored indicator, which ends a path; so does a code missing from the map.
 * Deterministic: starts are tried in map order, references in source order.
 */
export function findFormulaCycle(definitions: ReadonlyMap<string, FormulaNode | null>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (code: string): string[] | null => {
    if (onPath.has(code)) return [...path.slice(path.indexOf(code)), code];
    if (done.has(code)) return null;
    path.push(code);
    onPath.add(code);
    for (const next of referencesOf(definitions, code)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(code);
    done.add(code);
    return null;
  };
  for (const code of definitions.keys()) {
    const cycle = visit(code);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * A chain of references leading from `from` to `to` through the definitions (['B', 'C', 'A'] when
 * B refers to C and C to A), or null. `to`'s own definition is never followed: callers ask whether a
 * new definition of `to` would close a loop, so its old one does not matter.
 */
export function referencePath(
  definitions: ReadonlyMap<string, FormulaNode | null>,
  from: string,
  to: string,
): string[] | null {
  const visited = new Set<string>();
  const visit = (code: string): string[] | null => {
    if (code === to) return [code];
    if (visited.has(code)) return null;
    visited.add(code);
    for (const next of referencesOf(definitions, code)) {
      const rest = visit(next);
      if (rest) return [code, ...rest];
    }
    return null;
  };
  return visit(from);
}

function referencesOf(definitions: ReadonlyMap<string, FormulaNode | null>, code: string): string[] {
  const definition = definitions.get(code);
  return definition ? formulaReferences(definition) : [];
}
