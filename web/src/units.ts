/** Helpers over the organisation-unit tree: lookup, default unit, names and the selector's option groups. */
import type { Lang, UnitSummary, UnitTreeNode } from '../../src/domain/overview-contract.js';

/** Name in the UI language; English falls back to the Vietnamese name (most proper names are not translated). */
export function unitName(unit: Pick<UnitSummary, 'nameVi' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? (unit.nameEn ?? unit.nameVi) : unit.nameVi;
}

/** The provinces of the tree (the root may also be a province itself). */
export function provincesOf(tree: UnitTreeNode): UnitTreeNode[] {
  if (tree.level === 'province') return [tree];
  return tree.children.filter((c) => c.level === 'province');
}

export function findUnit(tree: UnitTreeNode, code: string): UnitTreeNode | undefined {
  if (tree.code === code) return tree;
  for (const child of tree.children) {
    const found = findUnit(child, code);
    if (found) return found;
  }
  return undefined;
}

/** The first province, or the root when there is none. */
export function defaultUnitCode(tree: UnitTreeNode): string {
  return provincesOf(tree)[0]?.code ?? tree.code;
}

/** Lower-case, without diacritics (đ → d), for accent-insensitive search: 'Xã Ia Grai' → 'xa ia grai'. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** Every word of the query appears in the name (accent-insensitive), or the query is the unit code. */
export function matchesQuery(unit: UnitSummary, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  if (unit.code === query.trim()) return true;
  const haystack = `${fold(unit.nameVi)} ${unit.nameEn ? fold(unit.nameEn) : ''}`;
  return q.split(/\s+/).every((word) => haystack.includes(word));
}

export type UnitGroupKind = 'provinces' | 'wards' | 'communes' | 'specialZones' | 'others';

export interface UnitOption {
  code: string;
  name: string;
  unit: UnitTreeNode;
}

export interface UnitGroup {
  kind: UnitGroupKind;
  /** Name of the province the group belongs to ('' for the provinces group). */
  province: string;
  options: UnitOption[];
}

const KIND_ORDER: UnitGroupKind[] = ['wards', 'communes', 'specialZones', 'others'];

function kindOf(unit: UnitSummary): UnitGroupKind {
  switch (unit.unitType) {
    case 'ward':
      return 'wards';
    case 'commune':
      return 'communes';
    case 'special_zone':
      return 'specialZones';
    default:
      return 'others';
  }
}

/**
 * Option groups for the unit selector: first the provinces, then for each province its wards, communes and
 * special zones, each sorted by name (Vietnamese collation). Only units matching `query` are kept, plus the
 * unit `keep` (the current selection, so a native <select> never loses its value). Empty groups are dropped.
 */
export function buildUnitGroups(tree: UnitTreeNode, lang: Lang, query = '', keep?: string): UnitGroup[] {
  const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
  const wanted = (u: UnitTreeNode) => u.code === keep || matchesQuery(u, query);
  const toOption = (u: UnitTreeNode): UnitOption => ({ code: u.code, name: unitName(u, lang), unit: u });
  const byName = (a: UnitOption, b: UnitOption) => collator.compare(a.name, b.name);

  const provinces = provincesOf(tree);
  const groups: UnitGroup[] = [];
  const provinceOptions = provinces.filter(wanted).map(toOption);
  if (provinces.length > 1) provinceOptions.sort(byName);
  if (provinceOptions.length) groups.push({ kind: 'provinces', province: '', options: provinceOptions });

  const sortedProvinces =
    provinces.length > 1
      ? [...provinces].sort((a, b) => collator.compare(unitName(a, lang), unitName(b, lang)))
      : provinces;
  for (const province of sortedProvinces) {
    const buckets = new Map<UnitGroupKind, UnitOption[]>();
    for (const child of province.children) {
      if (!wanted(child)) continue;
      const kind = kindOf(child);
      const list = buckets.get(kind) ?? [];
      list.push(toOption(child));
      buckets.set(kind, list);
    }
    for (const kind of KIND_ORDER) {
      const options = buckets.get(kind);
      if (options?.length) groups.push({ kind, province: unitName(province, lang), options: options.sort(byName) });
    }
  }
  return groups;
}

/** Number of options across groups. */
export function countOptions(groups: UnitGroup[]): number {
  return groups.reduce((n, g) => n + g.options.length, 0);
}

/**
 * The unit a page shows for a `?unit=` value: the value itself when the tree knows it, else the default unit.
 * Before the tree arrives the URL is trusted (null when it has no unit).
 */
export function resolveUnitCode(tree: UnitTreeNode | undefined, param: string | null): string | null {
  if (tree) return param && findUnit(tree, param) ? param : defaultUnitCode(tree);
  return param;
}

/**
 * The province a map shows for a `?unit=` value, and the commune to select: a commune's own province with the
 * commune selected; a province itself; anything else (the nation, an unknown code) the default province.
 */
export function mapUnitsFor(
  tree: UnitTreeNode,
  param: string | null,
): { province: UnitTreeNode; commune: string | null } {
  const provinces = provincesOf(tree);
  const fallback = provinces[0] ?? tree;
  if (!param) return { province: fallback, commune: null };
  for (const province of provinces) {
    if (province.code === param) return { province, commune: null };
    const child = province.children.find((c) => c.code === param);
    if (child) return { province, commune: child.code };
  }
  return { province: fallback, commune: null };
}
