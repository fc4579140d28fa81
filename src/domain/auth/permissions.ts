/**
 * The permission table: role × action × scope. The API enforces it (every route names its action) and the web app
 * shows only what it allows; both read this one declaration.
 */

export const ROLES = ['admin', 'province_officer', 'partner_officer', 'commune_officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a signed-in role, or the anonymous public. */
export type Audience = Role | 'anonymous';

export const ACTIONS = [
  'published.read', // approved figures of public indicators: the overview, roll-ups and map for everyone
  'data.read', // stored values with drafts, their history, data checks, imports, DHIS2 export, coverage runs
  'value.write', // enter, correct or delete one value in a form
  'value.import', // batches from partner systems, CSV/XLSX files, DHIS2 data value sets
  'approval.submit',
  'approval.approve', // approve, or return to draft with a reason
  'approval.reopen',
  'target.write', // baselines, yearly targets and their split to communes
  'indicator.define',
  'validation_rule.define',
  'dhis2_mapping.write',
  'coverage.sites_write',
  'coverage.run',
  'plan.read', // 5G plan scenarios: their settings, results and exports
  'plan.run', // make, cancel and delete plan scenarios
  'user.manage',
  'token.manage',
  'account.self', // one's own password, two-factor and sign-out
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `all`: anywhere. `assigned`: in the units assigned to the user (or a token) and every unit below them, and
 * for a party's staff only the indicators their party reports.
 */
export type Scope = 'all' | 'assigned';

export type PermissionTable = Readonly<Record<Audience, Readonly<Partial<Record<Action, Scope>>>>>;

const READ = { 'published.read': 'all', 'data.read': 'all', 'account.self': 'all' } as const;

export const PERMISSIONS: PermissionTable = {
  admin: Object.fromEntries(ACTIONS.map((action) => [action, 'all'])) as Record<Action, Scope>,
  province_officer: {
    ...READ,
    'value.write': 'assigned',
    'value.import': 'assigned',
    'approval.submit': 'assigned',
    'approval.approve': 'assigned',
    'approval.reopen': 'assigned',
    'target.write': 'assigned',
    'indicator.define': 'all',
    'validation_rule.define': 'all',
    'dhis2_mapping.write': 'all',
    'coverage.run': 'assigned',
    'plan.read': 'all',
    'plan.run': 'assigned',
  },
  partner_officer: {
    ...READ,
    'value.write': 'assigned',
    'value.import': 'assigned',
    'approval.submit': 'assigned',
    'coverage.sites_write': 'all',
    'coverage.run': 'assigned',
    'plan.read': 'all',
    'plan.run': 'assigned',
  },
  commune_officer: {
    ...READ,
    'value.write': 'assigned',
    'value.import': 'assigned',
    'approval.submit': 'assigned',
  },
  viewer: READ,
  anonymous: { 'published.read': 'all' },
};

/** Actions a partner system's token may be given: writing data and reading it, never managing people. */
export const TOKEN_ACTIONS = [
  'published.read',
  'data.read',
  'value.import',
  'approval.submit',
  'coverage.sites_write',
] as const satisfies readonly Action[];
export type TokenAction = (typeof TOKEN_ACTIONS)[number];

/** The scope an audience has for an action, or null when the table does not allow it. */
export function scopeOf(audience: Audience, action: Action, table: PermissionTable = PERMISSIONS): Scope | null {
  return table[audience][action] ?? null;
}

export function isAllowed(audience: Audience, action: Action, table: PermissionTable = PERMISSIONS): boolean {
  return scopeOf(audience, action, table) !== null;
}

export const ROLE_NAMES: Readonly<Record<Audience, { vi: string; en: string }>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  province_officer: { vi: 'Cán bộ tỉnh', en: 'Province officer' },
  partner_officer: { vi: 'Cán bộ đối tác', en: 'Partner officer' },
  commune_officer: { vi: 'Cán bộ xã, phường', en: 'Commune officer' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
  anonymous: { vi: 'Công chúng', en: 'Public' },
};

/** Roles that must sign in with a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return role === 'admin';
}
