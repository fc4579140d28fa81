import type { Action, Role, Scope } from './permissions.js';

/** What `/api/auth/me` (and each sign-in step) tells the web app: who is signed in and what they may do. */
export interface SessionState {
  signedIn: boolean;
  /** Signed in with a password, still owing the second factor (or its set-up, for an admin without one). */
  signingIn: 'second_factor_required' | 'enrolment_required' | null;
  user: {
    username: string;
    displayName: string;
    role: Role;
    party: string | null;
    units: string[];
    totpEnabled: boolean;
    mustChangePassword: boolean;
    isDemo: boolean;
  } | null;
  /** From the permission table: the web app shows only what these allow. */
  permissions: { action: Action; scope: Scope }[];
  /** Sent back in the X-CSRF-Token header with every write. */
  csrfToken: string | null;
  /** A provincial single sign-on, when one is configured. */
  sso: { label: string } | null;
}
