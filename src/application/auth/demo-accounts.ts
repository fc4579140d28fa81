import type { Database } from '../../db/database.js';
import { findAccount } from '../../db/accounts.js';
import { systemActor } from '../../domain/auth/actor.js';
import type { Role } from '../../domain/auth/permissions.js';
import { createAccount } from './accounts.js';

/** One demo account per role, on the demo province (and Ia O, a border commune, for the commune officer). */
export const DEMO_ACCOUNTS: readonly {
  username: string;
  displayName: string;
  role: Role;
  party: string | null;
  units: string[];
}[] = [
  { username: 'demo.admin', displayName: 'Quản trị (demo)', role: 'admin', party: null, units: [] },
  {
    username: 'demo.tinh',
    displayName: 'Sở KH&CN Gia Lai (demo)',
    role: 'province_officer',
    party: null,
    units: ['24'],
  },
  {
    username: 'demo.viettel',
    displayName: 'Viettel Gia Lai (demo)',
    role: 'partner_officer',
    party: 'VTL',
    units: ['24'],
  },
  {
    username: 'demo.xa',
    displayName: 'UBND xã Ia O (demo)',
    role: 'commune_officer',
    party: 'GL',
    units: ['60309134'],
  },
  { username: 'demo.xem', displayName: 'Lãnh đạo xem (demo)', role: 'viewer', party: null, units: [] },
];

export interface DemoCredential {
  username: string;
  role: Role;
  password: string;
}

/**
 * Creates the demo accounts that do not exist yet, each with a new random password (flagged demo; never a
 * default password). Returns the passwords, to be printed once.
 */
export async function createDemoAccounts(db: Database): Promise<DemoCredential[]> {
  const created: DemoCredential[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await findAccount(db, demo.username)) continue;
    const { password } = await createAccount(db, systemActor('demo-seed'), { ...demo, isDemo: true }, null);
    created.push({ username: demo.username, role: demo.role, password: password! });
  }
  return created;
}

/** The lines printed at first start. */
export function describeDemoCredentials(credentials: readonly DemoCredential[]): string[] {
  if (credentials.length === 0) return [];
  return [
    'Demo accounts (demo data; these passwords are shown only now — change or delete the accounts before real use):',
    ...credentials.map((c) => `  ${c.username.padEnd(14)} ${c.role.padEnd(17)} ${c.password}`),
    'demo.admin sets up two-factor sign-in (an authenticator app) at its first sign-in.',
  ];
}
