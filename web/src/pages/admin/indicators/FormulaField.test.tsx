// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import '../../../i18n.js';
import { FORMULA_CHECK_DELAY_MS, FormulaField } from './FormulaField.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const catalogue = [
  { code: 'TEACHERS', formula: null },
  { code: 'TEACHERS_SIGNED', formula: null },
];

function Harness({ initial, onCheck }: { initial: string; onCheck?: (problem: unknown) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <FormulaField
      code="SIGNED_SHARE"
      value={value}
      catalogue={catalogue}
      onChange={(e) => setValue(e.target.value)}
      onCheck={onCheck}
    />
  );
}

const field = () => screen.getByRole('textbox', { name: 'Công thức' });

it('shows the position of an error in Vietnamese once the user pauses, and clears it when fixed', () => {
  const onCheck = vi.fn();
  render(<Harness initial="" onCheck={onCheck} />);
  fireEvent.change(field(), { target: { value: '100 * {TEACHERS} / )' } });
  expect(screen.queryByRole('alert')).toBeNull(); // not while typing
  act(() => vi.advanceTimersByTime(FORMULA_CHECK_DELAY_MS));
  expect(screen.getByRole('alert').textContent).toContain('Công thức sai cú pháp ở dòng 1, cột 20');
  expect(field().getAttribute('aria-invalid')).toBe('true');
  expect(onCheck).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'syntax', column: 20 }));

  fireEvent.change(field(), { target: { value: '100 * {TEACHERS_SIGNED} / {TEACHERS}' } });
  act(() => vi.advanceTimersByTime(FORMULA_CHECK_DELAY_MS));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByText('Công thức hợp lệ')).toBeTruthy();
  expect(onCheck).toHaveBeenLastCalledWith(null);
});

it('names an unknown indicator and a formula that refers to itself', () => {
  render(<Harness initial="{TEACHER} + 1" />);
  act(() => vi.advanceTimersByTime(FORMULA_CHECK_DELAY_MS));
  expect(screen.getByRole('alert').textContent).toContain('Chỉ số không có trong danh mục ở dòng 1, cột 1');
  fireEvent.change(field(), { target: { value: '2 * {SIGNED_SHARE}' } });
  act(() => vi.advanceTimersByTime(FORMULA_CHECK_DELAY_MS));
  expect(screen.getByRole('alert').textContent).toContain('tham chiếu vòng tròn ở dòng 1, cột 5');
});
