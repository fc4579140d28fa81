/**
 * The steps of signing in, decided from what the server last said (SessionState) and what this page has just
 * shown: password, then the code from the authenticator app (or a recovery code), or its first-time set-up, then
 * a forced password change. Pure functions: the page only lays them out.
 */
import { passwordIssue, type PasswordIssue } from '../../src/domain/auth/password-policy.js';
import type { SessionState } from './api/session.js';

export type SignInStep = 'credentials' | 'code' | 'enrol' | 'recoveryCodes' | 'password' | 'signedIn';

/**
 * The step to show. `recoveryCodesPending`: the set-up was just confirmed and its recovery codes are on screen;
 * they stay until the user says they are saved, although the session is complete already.
 */
export function signInStep(state: SessionState, recoveryCodesPending: boolean): SignInStep {
  if (recoveryCodesPending) return 'recoveryCodes';
  if (!state.signedIn) {
    if (state.signingIn === 'second_factor_required') return 'code';
    if (state.signingIn === 'enrolment_required') return 'enrol';
    return 'credentials';
  }
  return state.user?.mustChangePassword ? 'password' : 'signedIn';
}

export type CodeKind = 'totp' | 'recovery';

/** A code as typed, made comparable: no spaces; the authenticator's six digits may be typed as '123 456'. */
export function normaliseCode(kind: CodeKind, input: string): string {
  const compact = input.replace(/\s+/g, '');
  return kind === 'totp' ? compact : compact.toLowerCase();
}

/** Why a code cannot be right as typed (checked before asking the server), or null. */
export function codeIssue(kind: CodeKind, input: string): 'empty' | 'totpFormat' | 'recoveryFormat' | null {
  const code = normaliseCode(kind, input);
  if (!code) return 'empty';
  if (kind === 'totp') return /^\d{6}$/.test(code) ? null : 'totpFormat';
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/.test(code) ? null : 'recoveryFormat';
}

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type PasswordFormIssue = PasswordIssue | 'noCurrent' | 'mismatch' | 'unchanged';

/** What is wrong with a password change as typed (the policy of src/domain, then the form's own checks). */
export function passwordFormIssue(form: PasswordForm, username: string): PasswordFormIssue | null {
  if (!form.currentPassword) return 'noCurrent';
  const issue = passwordIssue(form.newPassword, username);
  if (issue) return issue;
  if (form.newPassword === form.currentPassword) return 'unchanged';
  if (form.newPassword !== form.confirmPassword) return 'mismatch';
  return null;
}

/** The secret of an otpauth:// URI in groups of four, easier to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The recovery codes as a text file's content, one per line. */
export function recoveryCodesText(codes: readonly string[], username: string): string {
  return [`DX Compact — ${username}`, ...codes, ''].join('\n');
}
