import { createInterface } from 'node:readline/promises';
import { openDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { changeAccount, createAccount, listUserAccounts, resetPassword } from '../../application/auth/accounts.js';
import { systemActor } from '../../domain/auth/actor.js';
import { ROLES, type Role } from '../../domain/auth/permissions.js';
import { Invalid } from '../../domain/errors.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

const CLI = systemActor('cli');

async function withDatabase<T>(
  flags: DatabaseFlags,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const db = await openDatabase(databaseConfig(flags));
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) return line;
  throw new Invalid('auth.password_policy', 'No password on standard input');
}

export interface UserCreateFlags extends DatabaseFlags {
  role?: string;
  admin?: boolean;
  name?: string;
  units?: string;
  party?: string;
  passwordStdin?: boolean;
}

/** Creates an account; the first admin comes from here. Without --password-stdin a password is generated and shown once. */
export async function userCreateCommand(username: string, flags: UserCreateFlags): Promise<void> {
  const role = (flags.admin ? 'admin' : flags.role) as Role | undefined;
  if (!role || !(ROLES as readonly string[]).includes(role))
    throw new Invalid('account.invalid', `Give --admin or --role ${ROLES.join('|')}`);
  const password = flags.passwordStdin ? await readPassword() : undefined;
  await withDatabase(flags, async (db) => {
    const created = await createAccount(
      db,
      CLI,
      {
        username,
        displayName: flags.name ?? username,
        role,
        party: flags.party ?? null,
        units: flags.units
          ? flags.units
              .split(',')
              .map((u) => u.trim())
              .filter(Boolean)
          : [],
        password,
      },
      null,
    );
    console.log(`Created ${created.account.username} (${created.account.role}).`);
    if (created.password) console.log(`Password (shown once; to be changed at first sign-in): ${created.password}`);
    if (role === 'admin') console.log('An administrator sets up two-factor sign-in at the first sign-in.');
  });
}

export async function userResetPasswordCommand(username: string, flags: DatabaseFlags): Promise<void> {
  await withDatabase(flags, async (db) => {
    const { password } = await resetPassword(db, CLI, username, null);
    console.log(`New password for ${username} (shown once; to be changed at the next sign-in): ${password}`);
  });
}

export async function userResetSecondFactorCommand(username: string, flags: DatabaseFlags): Promise<void> {
  await withDatabase(flags, async (db) => {
    await changeAccount(db, CLI, username, { resetSecondFactor: true }, null);
    console.log(`${username} sets up two-factor sign-in again at the next sign-in.`);
  });
}

export async function userListCommand(flags: DatabaseFlags): Promise<void> {
  await withDatabase(flags, async (db) => {
    for (const account of await listUserAccounts(db, CLI)) {
      const state = [
        account.disabled ? 'disabled' : null,
        account.isDemo ? 'demo' : null,
        account.totpEnabled ? '2FA' : null,
      ]
        .filter(Boolean)
        .join(', ');
      console.log(
        `${account.username.padEnd(24)} ${account.role.padEnd(17)} ${account.partyCode ?? '-'} ${account.units.join(',') || '-'}${state ? `  (${state})` : ''}`,
      );
    }
  });
}
