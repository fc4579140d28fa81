import { describe, expect, it } from 'vitest';
import { ANONYMOUS_STATE, type SessionState } from './api/session.js';
import {
  codeIssue,
  groupSecret,
  normaliseCode,
  passwordFormIssue,
  recoveryCodesText,
  signInStep,
} from './sign-in-flow.js';

const user: NonNullable<SessionState['user']> = {
  username: 'demo.admin',
  displayName: 'Quản trị (demo)',
  role: 'admin',
  party: null,
  units: [],
  totpEnabled: false,
  mustChangePassword: false,
  isDemo: true,
};

describe('signInStep', () => {
  it('follows what the server asks for', () => {
    expect(signInStep(ANONYMOUS_STATE, false)).toBe('credentials');
    expect(signInStep({ ...ANONYMOUS_STATE, signingIn: 'second_factor_required', user }, false)).toBe('code');
    expect(signInStep({ ...ANONYMOUS_STATE, signingIn: 'enrolment_required', user }, false)).toBe('enrol');
    const done = { ...ANONYMOUS_STATE, signedIn: true, user };
    expect(signInStep(done, false)).toBe('signedIn');
    expect(signInStep({ ...done, user: { ...user, mustChangePassword: true } }, false)).toBe('password');
  });

  it('keeps the recovery codes on screen although the session is complete', () => {
    expect(signInStep({ ...ANONYMOUS_STATE, signedIn: true, user }, true)).toBe('recoveryCodes');
  });
});

describe('codes', () => {
  it('accepts six digits, typed with spaces too', () => {
    expect(normaliseCode('totp', ' 123 456 ')).toBe('123456');
    expect(codeIssue('totp', '123 456')).toBeNull();
    expect(codeIssue('totp', '12345')).toBe('totpFormat');
    expect(codeIssue('totp', 'abcdef')).toBe('totpFormat');
    expect(codeIssue('totp', '  ')).toBe('empty');
  });

  it('accepts a recovery code with or without its hyphen, in any case', () => {
    expect(normaliseCode('recovery', ' AbCdE-fGh23 ')).toBe('abcde-fgh23');
    expect(codeIssue('recovery', 'abcde-fgh23')).toBeNull();
    expect(codeIssue('recovery', 'ABCDEFGH23')).toBeNull();
    expect(codeIssue('recovery', '123456')).toBe('recoveryFormat');
  });
});

describe('passwordFormIssue', () => {
  const form = (newPassword: string, confirmPassword = newPassword, currentPassword = 'old password 123') => ({
    currentPassword,
    newPassword,
    confirmPassword,
  });

  it('checks the policy of the server first, then the form', () => {
    expect(passwordFormIssue(form('mưa rừng Kon Ka Kinh', 'mưa rừng Kon Ka Kinh', ''), 'lan')).toBe('noCurrent');
    expect(passwordFormIssue(form('short'), 'lan')).toBe('too_short');
    expect(passwordFormIssue(form('lan-lan-lan-lan-2025'), 'lan')).toBe('contains_username');
    expect(passwordFormIssue(form('password1234'), 'an')).toBe('too_common');
    expect(passwordFormIssue(form('old password 123'), 'an')).toBe('unchanged');
    expect(passwordFormIssue(form('mưa rừng Kon Ka Kinh', 'mưa rừng Kon Ka Kin'), 'an')).toBe('mismatch');
    expect(passwordFormIssue(form('mưa rừng Kon Ka Kinh'), 'an')).toBeNull();
  });
});

it('groups a secret in fours and lists recovery codes one per line', () => {
  expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  expect(recoveryCodesText(['aaaaa-bbbbb', 'ccccc-ddddd'], 'demo.admin')).toBe(
    'DX Compact — demo.admin\naaaaa-bbbbb\nccccc-ddddd\n',
  );
});
