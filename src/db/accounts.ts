import type { Queryable } from './database.js';
import { accountsChanged } from './auth-epoch.js';
import type { Role } from '../domain/auth/permissions.js';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  partyCode: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  isDemo: boolean;
  oidcSubject: string | null;
  /** Codes of the units assigned. */
  units: string[];
  unitIds: number[];
}

/** An account with what sign-in checks; never sent to a client. */
export interface AccountSecrets extends Account {
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
}

const SELECT_ACCOUNT = `select u.id, u.username, u.display_name as "displayName", u.role, u.party_code as "partyCode",
    u.must_change_password as "mustChangePassword", u.totp_enabled as "totpEnabled", u.disabled, u.is_demo as "isDemo",
    u.oidc_subject as "oidcSubject", u.password_hash as "passwordHash", u.totp_secret as "totpSecret",
    u.totp_last_step as "totpLastStep",
    coalesce(array_agg(o.code order by o.code) filter (where o.id is not null), '{}') as units,
    coalesce(array_agg(o.id order by o.code) filter (where o.id is not null), '{}') as "unitIds"
  from app_user u left join app_user_unit a on a.user_id = u.id left join org_unit o on o.id = a.org_unit_id`;
const GROUP = 'group by u.id';

function withoutSecrets(row: AccountSecrets): Account {
  const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...account } = row;
  return account;
}

export async function findAccountSecrets(db: Queryable, username: string): Promise<AccountSecrets | null> {
  const [row] = await db.query<AccountSecrets>(`${SELECT_ACCOUNT} where u.username = $1 ${GROUP}`, [username]);
  return row ?? null;
}

export async function findAccountSecretsById(db: Queryable, id: number): Promise<AccountSecrets | null> {
  const [row] = await db.query<AccountSecrets>(`${SELECT_ACCOUNT} where u.id = $1 ${GROUP}`, [id]);
  return row ?? null;
}

export async function findAccountByOidcSubject(db: Queryable, subject: string): Promise<AccountSecrets | null> {
  const [row] = await db.query<AccountSecrets>(`${SELECT_ACCOUNT} where u.oidc_subject = $1 ${GROUP}`, [subject]);
  return row ?? null;
}

export async function findAccount(db: Queryable, username: string): Promise<Account | null> {
  const row = await findAccountSecrets(db, username);
  return row && withoutSecrets(row);
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  const rows = await db.query<AccountSecrets>(`${SELECT_ACCOUNT} ${GROUP} order by u.username`);
  return rows.map(withoutSecrets);
}

export async function countAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from app_user where role = 'admin' and not disabled`,
  );
  return row!.n;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  partyCode: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
  isDemo: boolean;
  unitIds: readonly number[];
}

export async function insertAccount(tx: Queryable, account: NewAccount): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into app_user (username, display_name, role, party_code, password_hash, must_change_password, is_demo)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      account.username,
      account.displayName,
      account.role,
      account.partyCode,
      account.passwordHash,
      account.mustChangePassword,
      account.isDemo,
    ],
  );
  await setAccountUnits(tx, row!.id, account.unitIds);
  return row!.id;
}

export async function setAccountUnits(tx: Queryable, userId: number, unitIds: readonly number[]): Promise<void> {
  accountsChanged();
  await tx.query('delete from app_user_unit where user_id = $1', [userId]);
  if (unitIds.length > 0)
    await tx.query('insert into app_user_unit (user_id, org_unit_id) select $1, unnest($2::int[])', [userId, unitIds]);
}

export interface AccountChanges {
  displayName?: string;
  role?: Role;
  partyCode?: string | null;
  disabled?: boolean;
}

export async function updateAccount(tx: Queryable, userId: number, changes: AccountChanges): Promise<void> {
  accountsChanged();
  await tx.query(
    `update app_user set
       display_name = coalesce($2, display_name),
       role = coalesce($3, role),
       party_code = case when $4::boolean then $5 else party_code end,
       disabled = coalesce($6, disabled),
       updated_at = now()
     where id = $1`,
    [
      userId,
      changes.displayName ?? null,
      changes.role ?? null,
      changes.partyCode !== undefined,
      changes.partyCode ?? null,
      changes.disabled ?? null,
    ],
  );
}

export async function setPasswordHash(
  tx: Queryable,
  userId: number,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  accountsChanged();
  await tx.query(
    'update app_user set password_hash = $2, must_change_password = $3, updated_at = now() where id = $1',
    [userId, passwordHash, mustChangePassword],
  );
}

/** Stores a secret being enrolled; it takes effect only once a code from it is confirmed. */
export async function setPendingTotpSecret(tx: Queryable, userId: number, secret: string): Promise<void> {
  await tx.query('update app_user set totp_secret = $2, totp_enabled = false, updated_at = now() where id = $1', [
    userId,
    secret,
  ]);
}

export async function enableTotp(tx: Queryable, userId: number, step: number): Promise<void> {
  accountsChanged();
  await tx.query('update app_user set totp_enabled = true, totp_last_step = $2, updated_at = now() where id = $1', [
    userId,
    step,
  ]);
}

export async function disableTotp(tx: Queryable, userId: number): Promise<void> {
  accountsChanged();
  await tx.query(
    'update app_user set totp_enabled = false, totp_secret = null, totp_last_step = null, updated_at = now() where id = $1',
    [userId],
  );
  await tx.query('delete from recovery_code where user_id = $1', [userId]);
}

/**
 * Records that a code's time step was used, only if it is later than the last one: false when another sign-in
 * already used this step (a replayed code).
 */
export async function claimTotpStep(tx: Queryable, userId: number, step: number): Promise<boolean> {
  const rows = await tx.query(
    `update app_user set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id`,
    [userId, step],
  );
  return rows.length === 1;
}

export async function replaceRecoveryCodes(
  tx: Queryable,
  userId: number,
  codeHashes: readonly string[],
): Promise<void> {
  await tx.query('delete from recovery_code where user_id = $1', [userId]);
  await tx.query('insert into recovery_code (user_id, code_hash) select $1, unnest($2::text[])', [userId, codeHashes]);
}

/** Uses a recovery code once: false when it is unknown or already used. */
export async function consumeRecoveryCode(tx: Queryable, userId: number, codeHash: string): Promise<boolean> {
  const rows = await tx.query(
    `update recovery_code set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning code_hash`,
    [userId, codeHash],
  );
  return rows.length === 1;
}

export async function remainingRecoveryCodes(db: Queryable, userId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int as n from recovery_code where user_id = $1 and used_at is null',
    [userId],
  );
  return row!.n;
}

export async function linkOidcSubject(tx: Queryable, userId: number, subject: string): Promise<void> {
  await tx.query('update app_user set oidc_subject = $2, updated_at = now() where id = $1', [userId, subject]);
}
