import { expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

it('asks for length, not composition', () => {
  expect(passwordProblem('short', 'an')).toMatch(/12 characters/);
  expect(passwordProblem('núi rừng Tây Nguyên', 'an')).toBeNull();
});

it('refuses the username, repeated characters and the usual guesses', () => {
  expect(passwordProblem('my-name-is-nguyen.van.an', 'nguyen.van.an')).toMatch(/username/);
  expect(passwordProblem('zzzzzzzzzzzzzz', 'an')).toMatch(/easy/);
  expect(passwordProblem('Password 1234', 'an')).toMatch(/easy/);
});
