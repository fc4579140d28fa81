/**
 * What a password must be (NIST SP 800-63B: length over composition rules): at least 12 characters, at most 200,
 * not the username, and not one of the passwords every attacker tries first.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// Lower-cased; checked after removing spaces. A short list of what breached-password lists start with.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'passwordpassword',
  'password1234',
  'password12345',
  'matkhau12345',
  'matkhau123456',
  'abcdefghijkl',
  'aaaaaaaaaaaa',
  'admin1234567',
  'administrator',
  'letmein12345',
  'iloveyou1234',
  'vietnam12345',
  'gialai123456',
  'viettel12345',
]);

export type PasswordIssue = 'too_short' | 'too_long' | 'contains_username' | 'too_common';

/** Why a password is refused, as a key (the web app words it before asking the server), or null when acceptable. */
export function passwordIssue(password: string, username: string): PasswordIssue | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = password.toLowerCase().replace(/\s+/g, '');
  if (username && folded.includes(username.toLowerCase())) return 'contains_username';
  if (COMMON.has(folded) || /^(.)\1+$/.test(folded)) return 'too_common';
  return null;
}

const ISSUE_DETAIL: Record<PasswordIssue, string> = {
  too_short: `use at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `use at most ${PASSWORD_MAX_LENGTH} characters`,
  contains_username: 'do not include the username',
  too_common: 'this password is too easy to guess',
};

/** Why a password is refused (in English, for the error detail), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  const issue = passwordIssue(password, username);
  return issue ? ISSUE_DETAIL[issue] : null;
}
