/** What the account and API-token routes answer (`/api/users`, `/api/tokens`); never a secret but once. */
import { z } from 'zod';
import { ACTIONS, ROLES } from './permissions.js';

export const AccountSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    partyCode: z.string().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    isDemo: z.boolean(),
    oidcSubject: z.string().nullable(),
    units: z.array(z.string()).describe('Codes of the units assigned'),
    unitIds: z.array(z.number().int()),
  })
  .meta({ id: 'Account' });

export const CreatedAccountSchema = z
  .object({
    account: AccountSchema,
    password: z.string().nullable().describe('The generated password, shown once; null when one was given'),
  })
  .meta({ id: 'CreatedAccount' });

export const PasswordResetSchema = z
  .object({ password: z.string().describe('The new password, shown once') })
  .meta({ id: 'PasswordReset' });

export const ApiTokenInfoSchema = z
  .object({
    id: z.number().int(),
    prefix: z.string(),
    name: z.string(),
    partyCode: z.string().nullable(),
    permissions: z.array(z.enum(ACTIONS)),
    units: z.array(z.string()),
    unitIds: z.array(z.number().int()),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    lastUsedAddress: z.string().nullable(),
  })
  .meta({ id: 'ApiTokenInfo' });

export const CreatedApiTokenSchema = z
  .object({ token: z.string().describe('The token, shown once (stored hashed)'), info: ApiTokenInfoSchema })
  .meta({ id: 'CreatedApiToken' });
