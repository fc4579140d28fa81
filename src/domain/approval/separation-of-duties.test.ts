import { expect, it } from 'vitest';
import { separationOfDutiesProblem } from './separation-of-duties.js';

it('refuses the submitter and anyone who entered values, and lets someone else approve', () => {
  expect(separationOfDutiesProblem('lan', 'lan', 0)).toMatch(/submitted/);
  expect(separationOfDutiesProblem('lan', 'minh', 3)).toMatch(/entered 3/);
  expect(separationOfDutiesProblem('lan', 'minh', 0)).toBeNull();
  expect(separationOfDutiesProblem('lan', null, 0)).toBeNull();
});
