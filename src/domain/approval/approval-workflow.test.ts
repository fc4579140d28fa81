import { expect, it } from 'vitest';
import { isLocked, nextApprovalStatus } from './approval-workflow.js';
import { Conflict, Invalid } from '../errors.js';

it('walks draft → submitted → approved → reopened → submitted', () => {
  expect(nextApprovalStatus('draft', 'submit', null)).toBe('submitted');
  expect(nextApprovalStatus('submitted', 'approve', null)).toBe('approved');
  expect(nextApprovalStatus('approved', 'reopen', 'wrong commune total')).toBe('reopened');
  expect(nextApprovalStatus('reopened', 'submit', null)).toBe('submitted');
  expect(nextApprovalStatus('submitted', 'return', 'missing months')).toBe('draft');
});
it('refuses skipped steps, naming what is allowed', () => {
  expect(() => nextApprovalStatus('draft', 'approve', null)).toThrow(Conflict);
  expect(() => nextApprovalStatus('approved', 'submit', null)).toThrow(/allowed: reopen/);
});
it('wants a reason to reopen or return', () => {
  expect(() => nextApprovalStatus('approved', 'reopen', '  ')).toThrow(Invalid);
  expect(() => nextApprovalStatus('submitted', 'return', null)).toThrow(/reason/);
});
it('locks only approved data', () => {
  expect(isLocked('approved')).toBe(true);
  expect(isLocked('reopened')).toBe(false);
  expect(isLocked(null)).toBe(false);
});
