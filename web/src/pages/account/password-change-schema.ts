import { z } from 'zod';
import { passwordIssue } from '../../../../src/domain/auth/password-policy.js';
import type { PasswordFormIssue } from '../../sign-in-flow.js';

/**
 * The password change form as typed. Each message is an issue key (accountPage.password.issue.*), worded by the
 * form: the same policy the server applies (src/domain), so most refusals are caught before asking it.
 */
export function passwordChangeSchema(username: string) {
  const issue = (key: PasswordFormIssue) => key;
  return z
    .object({
      currentPassword: z.string().min(1, issue('noCurrent')).max(1000),
      newPassword: z.string(),
      repeatPassword: z.string(),
    })
    .superRefine((form, ctx) => {
      const policy = passwordIssue(form.newPassword, username);
      if (policy) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: issue(policy) });
      else if (form.currentPassword && form.newPassword === form.currentPassword)
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: issue('unchanged') });
      if (!policy && form.repeatPassword !== form.newPassword)
        ctx.addIssue({ code: 'custom', path: ['repeatPassword'], message: issue('mismatch') });
    });
}

export type PasswordChangeValues = z.infer<ReturnType<typeof passwordChangeSchema>>;

/** Which field a refusal of POST /api/auth/password belongs to (its problem code), or null for the whole form. */
export function fieldOfRefusal(code: string | undefined): 'currentPassword' | 'newPassword' | null {
  if (code === 'auth.password_wrong') return 'currentPassword';
  if (code === 'auth.password_policy') return 'newPassword';
  return null;
}
