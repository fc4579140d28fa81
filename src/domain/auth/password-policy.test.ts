import { expect, it } from 'vitest';
import { passwordIssue, passwordProblem } from './password-policy.js';

it('asks for length, not composition', () => {
  expect(passwordProblem('short', 'an')).toMatch(/12 characters/);
  expect(passwordProblem('núi rừng Tây Nguyên', 'an')).toBeNull();
});

it('refuses the username, repeated characters and the usual guesses', () => {
  expect(passwordProblem('my-name-is-nguyen.van.an', 'nguyen.van.an')).toMatch(/username/);
  expect(passwordProblem('zzzzzzzzzzzzzz', 'an')).toMatch(/easy/);
  expect(passwordProblem('Password 1234', 'an')).toMatch(/easy/);
});

it('names the issue as a key the web app translates', () => {
  expect(passwordIssue('short', 'an')).toBe('too_short');
  expect(passwordIssue('x'.repeat(201) + 'y', 'an')).toBe('too_long');
  expect(passwordIssue('my-name-is-nguyen.van.an', 'nguyen.van.an')).toBe('contains_username');
  expect(passwordIssue('Password 1234', 'an')).toBe('too_common');
  expect(passwordIssue('núi rừng Tây Nguyên', 'an')).toBeNull();
});
