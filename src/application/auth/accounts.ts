import type { Database } from '../../db/database.js';
import {
  countAdmins,
  disableTotp,
  findAccount,
  findAccountSecrets,
  insertAccount,
  listAccounts,
  setAccountUnits,
  setPasswordHash,
  updateAccount,
  type Account,
} from '../../db/accounts.js';
import { deleteUserSessions } from '../../db/sessions.js';
import { appendAudit } from '../../db/audit-log.js';
import type { Actor } from '../../domain/auth/actor.js';
import { ROLES, type Role } from '../../domain/auth/permissions.js';
import { passwordProblem } from '../../domain/auth/password-policy.js';
import { Conflict, Invalid, NotFound, Unauthorized } from '../../domain/errors.js';
import { auditContext } from '../audit-context.js';
import { requireAction } from '../authorize.js';
import { resolveUnitCodes } from '../units.js';
import { generatePassword, hashPassword, verifyPassword } from './secrets.js';
import { normaliseUsername } from './sign-in.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface NewAccountInput {
  username: string;
  displayName: string;
  role: Role;
  party: string | null;
  units: readonly string[];
  /** Omitted: a password is generated and returned once; the user must change it at first sign-in. */
  password?: string | undefined;
  isDemo?: boolean;
}

function checkUsername(username: string): void {
  if (!USERNAME.test(username))
    throw new Invalid(
      'account.invalid',
      `"${username}" is not a username: 2–64 lower-case letters, digits, dots, hyphens or underscores`,
      [{ path: 'body.username', message: 'invalid' }],
    );
}

function checkPassword(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username);
  if (problem)
    throw new Invalid('auth.password_policy', `The password is refused: ${problem}`, [{ path, message: problem }], {
      reason: problem,
    });
}

/** Creates an account (audited); returns the generated password when none was given. */
export async function createAccount(
  db: Database,
  actor: Actor,
  input: NewAccountInput,
  requestId: string | null,
): Promise<{ account: Account; password: string | null }> {
  requireAction(actor, 'user.manage');
  const username = normaliseUsername(input.username);
  checkUsername(username);
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new Invalid('account.invalid', `Unknown role "${input.role}"`, [{ path: 'body.role', message: 'unknown' }]);
  if (input.role === 'commune_officer' && input.units.length === 0)
    throw new Invalid('account.invalid', 'A commune officer needs the communes they work on', [
      { path: 'body.units', message: 'required for a commune officer' },
    ]);
  if (input.password !== undefined) checkPassword(input.password, username, 'body.password');
  if (await findAccount(db, username)) throw new Conflict('account.exists', `The username "${username}" is taken`);
  const unitIds = await resolveUnitCodes(db, input.units, 'body.units');
  const generated = input.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(input.password ?? generated!);
  await db.transaction(async (tx) => {
    await insertAccount(tx, {
      username,
      displayName: input.displayName,
      role: input.role,
      partyCode: input.party,
      passwordHash,
      mustChangePassword: generated !== null && !input.isDemo,
      isDemo: input.isDemo ?? false,
      unitIds,
    });
    await appendAudit(tx, auditContext(actor, requestId, null, 'accounts'), [
      {
        action: 'account.create',
        entity: 'account',
        entityKey: { username },
        oldValue: null,
        newValue: { role: input.role, party: input.party, units: [...input.units], demo: input.isDemo ?? false },
      },
    ]);
  });
  return { account: (await findAccount(db, username))!, password: generated };
}

async function accountOrNotFound(db: Database, username: string): Promise<Account> {
  const account = await findAccount(db, normaliseUsername(username));
  if (!account)
    throw new NotFound('account.not_found', `No account has the username "${username}"`, undefined, {
      username,
    });
  return account;
}

export async function listUserAccounts(db: Database, actor: Actor): Promise<Account[]> {
  requireAction(actor, 'user.manage');
  return listAccounts(db);
}

export interface AccountUpdate {
  displayName?: string | undefined;
  role?: Role | undefined;
  party?: string | null | undefined;
  units?: readonly string[] | undefined;
  disabled?: boolean | undefined;
  /** Removes the user's two-factor set-up (a lost phone); they enrol again at their next sign-in. */
  resetSecondFactor?: boolean | undefined;
}

/** Changes an account's role, units or state (audited); the last enabled admin cannot be demoted or disabled. */
export async function changeAccount(
  db: Database,
  actor: Actor,
  username: string,
  update: AccountUpdate,
  requestId: string | null,
): Promise<Account> {
  requireAction(actor, 'user.manage');
  const before = await accountOrNotFound(db, username);
  const losesAdmin = before.role === 'admin' && ((update.role && update.role !== 'admin') || update.disabled === true);
  if (losesAdmin && (await countAdmins(db)) <= 1)
    throw new Conflict('account.last_admin', `${before.username} is the last administrator; appoint another first`);
  const unitIds = update.units ? await resolveUnitCodes(db, update.units, 'body.units') : null;
  await db.transaction(async (tx) => {
    await updateAccount(tx, before.id, {
      ...(update.displayName !== undefined ? { displayName: update.displayName } : {}),
      ...(update.role !== undefined ? { role: update.role } : {}),
      ...(update.party !== undefined ? { partyCode: update.party } : {}),
      ...(update.disabled !== undefined ? { disabled: update.disabled } : {}),
    });
    if (unitIds) await setAccountUnits(tx, before.id, unitIds);
    if (update.resetSecondFactor) await disableTotp(tx, before.id);
    // A change of role, units or state applies from the next request: existing sessions end.
    if (update.role || update.disabled || unitIds || update.resetSecondFactor) await deleteUserSessions(tx, before.id);
    await appendAudit(tx, auditContext(actor, requestId, null, 'accounts'), [
      {
        action: 'account.update',
        entity: 'account',
        entityKey: { username: before.username },
        oldValue: { role: before.role, party: before.partyCode, units: before.units, disabled: before.disabled },
        newValue: {
          role: update.role ?? before.role,
          party: update.party !== undefined ? update.party : before.partyCode,
          units: update.units ? [...update.units] : before.units,
          disabled: update.disabled ?? before.disabled,
          ...(update.resetSecondFactor ? { secondFactorReset: true } : {}),
        },
      },
    ]);
  });
  return accountOrNotFound(db, before.username);
}

/** An administrator's reset: a new generated password, to be changed at the next sign-in; all sessions end. */
export async function resetPassword(
  db: Database,
  actor: Actor,
  username: string,
  requestId: string | null,
): Promise<{ password: string }> {
  requireAction(actor, 'user.manage');
  const account = await accountOrNotFound(db, username);
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, hash, true);
    await deleteUserSessions(tx, account.id);
    await appendAudit(tx, auditContext(actor, requestId, null, 'accounts'), [
      {
        action: 'account.password_reset',
        entity: 'account',
        entityKey: { username: account.username },
        oldValue: null,
        newValue: { mustChangePassword: true },
      },
    ]);
  });
  return { password };
}

/** The user's own change: the current password proves it is them; their other sessions end. */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string | null,
  requestId: string | null,
): Promise<void> {
  requireAction(actor, 'account.self');
  if (actor.kind !== 'user') throw new Unauthorized('auth.required', 'Sign in with a user account');
  const account = await findAccountSecrets(db, actor.name);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword)))
    throw new Unauthorized('auth.password_wrong', 'The current password is wrong', [
      { path: 'body.currentPassword', message: 'wrong' },
    ]);
  checkPassword(input.newPassword, account.username, 'body.newPassword');
  if (input.newPassword === input.currentPassword)
    throw new Invalid('auth.password_policy', 'Choose a password different from the current one', [
      { path: 'body.newPassword', message: 'same as the current one' },
    ]);
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, hash, false);
    await deleteUserSessions(tx, account.id, keepSessionHash);
    await appendAudit(tx, auditContext(actor, requestId, null, 'accounts'), [
      {
        action: 'account.password_change',
        entity: 'account',
        entityKey: { username: account.username },
        oldValue: null,
        newValue: { changed: true },
      },
    ]);
  });
}
