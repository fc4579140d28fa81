import { z } from 'zod';
import { ROLES } from '../../../../../src/domain/auth/permissions.js';
import { PARTY_PATTERN, type AccountChange, type NewAccountBody, type UserAccount } from './users-api.js';

/** The server's rule for usernames (src/application/auth/accounts.ts), checked before asking it. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Messages are keys of adminUsers.*, worded by the form. */
export const accountFormSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(USERNAME, 'usernameFormat'),
    displayName: z.string().trim().min(1, 'required').max(200),
    role: z.enum(ROLES),
    party: z
      .string()
      .trim()
      .refine((v) => v === '' || PARTY_PATTERN.test(v), 'partyFormat'),
    units: z.array(z.string()).max(500),
    disabled: z.boolean(),
    resetSecondFactor: z.boolean(),
  })
  .refine((form) => form.role !== 'commune_officer' || form.units.length > 0, {
    path: ['units'],
    message: 'communeNeedsUnits',
  });

export type AccountFormInput = z.input<typeof accountFormSchema>;
export type AccountFormValues = z.output<typeof accountFormSchema>;

export function accountFormDefaults(account: UserAccount | undefined): AccountFormInput {
  return {
    username: account?.username ?? '',
    displayName: account?.displayName ?? '',
    role: account?.role ?? 'viewer',
    party: account?.partyCode ?? '',
    units: account?.units ?? [],
    disabled: account?.disabled ?? false,
    resetSecondFactor: false,
  };
}

export function newAccountBody(values: AccountFormValues): NewAccountBody {
  return {
    username: values.username,
    displayName: values.displayName,
    role: values.role,
    party: values.party || null,
    units: values.units,
  };
}

/** Only what changed: each change is audited, and a change of role, units or state ends the user's sessions. */
export function accountChange(before: UserAccount, values: AccountFormValues): AccountChange {
  const change: AccountChange = {};
  if (values.displayName !== before.displayName) change.displayName = values.displayName;
  if (values.role !== before.role) change.role = values.role;
  if ((values.party || null) !== before.partyCode) change.party = values.party || null;
  const sameUnits =
    values.units.length === before.units.length && values.units.every((code) => before.units.includes(code));
  if (!sameUnits) change.units = [...values.units].sort();
  if (values.disabled !== before.disabled) change.disabled = values.disabled;
  if (values.resetSecondFactor) change.resetSecondFactor = true;
  return change;
}
