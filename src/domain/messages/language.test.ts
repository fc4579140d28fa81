import { expect, it } from 'vitest';
import { preferredLanguage } from './language.js';

it('reads the language a client prefers among Vietnamese and English', () => {
  expect(preferredLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
  expect(preferredLanguage('en-GB, vi;q=0.5')).toBe('en');
  expect(preferredLanguage('fr, en;q=0.3')).toBe('en');
  expect(preferredLanguage('fr')).toBeNull();
  expect(preferredLanguage('vi;q=0, en')).toBe('en');
  expect(preferredLanguage(undefined)).toBeNull();
});
