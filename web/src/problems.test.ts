import { expect, it } from 'vitest';
import { en } from './locales/en.js';
import { vi } from './locales/vi.js';
import { EXPLAINED_CODES, problemItems, problemKey } from './problems.js';

it('maps explained problem codes to message keys, in both languages', () => {
  expect(problemKey('template.level')).toBe('template_level');
  expect(problemKey('intake.file_type')).toBe('intake_file_type');
  expect(problemKey('something.else')).toBeNull();
  expect(problemKey(undefined)).toBeNull();
  for (const code of EXPLAINED_CODES) {
    const key = problemKey(code)!;
    expect(vi.problem.code[key], code).toBeTruthy();
    expect(en.problem.code[key], code).toBeTruthy();
  }
});

it('reads path/message pairs from a problem, skipping malformed entries', () => {
  expect(
    problemItems({
      errors: [
        { path: 'lock.csv row 2', message: 'SITES_5G for 60309134 in 2025-11 is locked' },
        { message: 'no path' },
        { path: 'x' },
        'text',
        null,
      ],
    }),
  ).toEqual([
    { path: 'lock.csv row 2', message: 'SITES_5G for 60309134 in 2025-11 is locked' },
    { path: '', message: 'no path' },
  ]);
  expect(problemItems({ errors: 'nope' })).toEqual([]);
  expect(problemItems(undefined)).toEqual([]);
});
