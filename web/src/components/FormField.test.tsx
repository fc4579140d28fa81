// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import '../i18n.js';
import { FormField } from './FormField.js';

afterEach(cleanup);

it('names its control with the label and reads the hint and the error with it', () => {
  render(
    <FormField label="Số trạm 5G" hint="Cuối kỳ" error="Phải là số nguyên" required>
      <input type="text" />
    </FormField>,
  );
  const input = screen.getByRole('textbox', { name: /Số trạm 5G/ });
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(input.getAttribute('aria-required')).toBe('true');
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id));
  expect(described.map((el) => el?.textContent)).toEqual(['Cuối kỳ', 'Phải là số nguyên']);
  expect(screen.getByRole('alert').textContent).toBe('Phải là số nguyên');
});

it('leaves a valid control unmarked', () => {
  render(
    <FormField label="Ghi chú">
      <textarea />
    </FormField>,
  );
  const area = screen.getByRole('textbox', { name: 'Ghi chú' });
  expect(area.hasAttribute('aria-invalid')).toBe(false);
  expect(area.hasAttribute('aria-describedby')).toBe(false);
});
