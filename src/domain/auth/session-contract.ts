/**
 * What `/api/auth/me` (and each sign-in step) tells the web app: who is signed in and what they may do.
 * The auth routes answer through this schema; the web app reads its type.
 */
import { z } from 'zod';
import { ACTIONS, ROLES } from './permissions.js';

export const SessionStateSchema = z
  .object({
    signedIn: z.boolean(),
    signingIn: z
      .enum(['second_factor_required', 'enrolment_required'])
      .nullable()
      .describe('Signed in with a password, still owing the second factor (or its set-up, for an admin without one)'),
    user: z
      .object({
        username: z.string(),
        displayName: z.string(),
        role: z.enum(ROLES),
        party: z.string().nullable(),
        units: z.array(z.string()),
        totpEnabled: z.boolean(),
        mustChangePassword: z.boolean(),
        isDemo: z.boolean(),
      })
      .nullable(),
    permissions: z
      .array(z.object({ action: z.enum(ACTIONS), scope: z.enum(['all', 'assigned']) }))
      .describe('From the permission table: the web app shows only what these allow'),
    csrfToken: z.string().nullable().describe('Sent back in the X-CSRF-Token header with every write'),
    sso: z.object({ label: z.string() }).nullable().describe('A provincial single sign-on, when one is configured'),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.output<typeof SessionStateSchema>;

export const EnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32, for typing into the authenticator app'),
    uri: z.string().describe('otpauth:// URI, for a QR code'),
  })
  .meta({ id: 'Enrolment' });

export const EnrolmentConfirmedSchema = z
  .object({
    recoveryCodes: z.array(z.string()).describe('Ten one-time codes, shown once'),
    state: SessionStateSchema,
  })
  .meta({ id: 'EnrolmentConfirmed' });
