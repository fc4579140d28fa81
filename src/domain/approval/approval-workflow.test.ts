import { expect, it } from 'vitest';
import { isLocked, lockingApproval, nextApprovalStatus } from './approval-workflow.js';
import { parsePeriod } from '../periods.js';
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

it('locks a value when an approved period at its unit or above contains it', () => {
  const approvals = [
    { unitCode: 'P1', period: parsePeriod('2025'), status: 'approved' as const },
    { unitCode: 'C1', period: parsePeriod('2026Q1'), status: 'reopened' as const },
  ];
  expect(lockingApproval(approvals, parsePeriod('2025-07'))?.unitCode).toBe('P1');
  expect(lockingApproval(approvals, parsePeriod('2026-02'))).toBeUndefined();
  expect(lockingApproval(approvals, parsePeriod('2024-12'))).toBeUndefined();
});
