// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import '../../i18n.js';
import { ApprovalRow } from './ApprovalRow.js';
import type { UnitApproval } from './approval-api.js';

afterEach(cleanup);

const unit = (partial: Partial<UnitApproval> = {}): UnitApproval => ({
  code: '60309134',
  nameVi: 'Xã Ia O',
  nameEn: null,
  level: 'commune',
  state: 'submitted',
  reason: null,
  updatedBy: 'can.bo.xa',
  updatedAt: '2026-11-24T07:05:00Z',
  lockedBy: null,
  actions: ['approve', 'return'],
  ...partial,
});

it('offers the allowed steps and asks for a reason before returning', () => {
  const onAction = vi.fn();
  render(<ApprovalRow unit={unit()} lang="vi" actions={['approve', 'return']} busy={false} onAction={onAction} />);
  expect(screen.getByText('can.bo.xa, 24/11/2026 14:05')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Trả lại: Xã Ia O' }));
  expect(onAction).not.toHaveBeenCalled();
  fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Thiếu số trạm' } });
  fireEvent.click(screen.getByRole('button', { name: /Xác nhận|Trả lại$/ }));
  expect(onAction).toHaveBeenCalledWith('return', 'Thiếu số trạm');
});

it('says which approval locks a month and offers no step', () => {
  render(
    <ApprovalRow
      unit={unit({ state: 'draft', lockedBy: { unit: '24', period: '2025' }, actions: [] })}
      lang="vi"
      lockedByName="Tỉnh Gia Lai"
      actions={[]}
      busy={false}
      onAction={() => {}}
    />,
  );
  expect(screen.getByText('Đã khóa: Năm 2025 của Tỉnh Gia Lai đã được phê duyệt')).toBeTruthy();
  expect(screen.queryByRole('button')).toBeNull();
});
