// @vitest-environment jsdom
import { zodResolver } from '@hookform/resolvers/zod';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { afterEach, expect, it } from 'vitest';
import i18n from '../../i18n.js';
import { fieldName, type EntryIndicator } from './entry-model.js';
import { entrySchema, type EntryValues } from './entry-schema.js';
import { IndicatorField } from './IndicatorField.js';
import { parseLocalNumber } from './number-input.js';

afterEach(cleanup);

const SHARE: EntryIndicator = {
  code: 'A2.SHARE',
  nameVi: 'Tỷ lệ hộ có cáp quang',
  nameEn: 'Households with fibre',
  unitVi: '%',
  unitEn: '%',
  areaCode: 'A2',
  valueType: 'percent',
  reportingLevel: 'commune',
  decimals: 2,
  formula: null,
  minValue: null,
  maxValue: null,
};
const STATIONS: EntryIndicator = {
  ...SHARE,
  code: 'A1.BTS',
  nameVi: 'Số trạm BTS',
  valueType: 'count',
  minValue: 0,
  maxValue: 5000,
};

function Harness({ indicators }: { indicators: EntryIndicator[] }) {
  const { t } = useTranslation();
  const form = useForm<EntryValues>({
    resolver: zodResolver(entrySchema(indicators, 'vi', t)),
    defaultValues: Object.fromEntries(indicators.map((_, i) => [fieldName(i), ''])),
    mode: 'onChange',
  });
  return (
    <form>
      {indicators.map((indicator, index) => (
        <IndicatorField
          key={indicator.code}
          indicator={indicator}
          period={null}
          stored={null}
          registration={form.register(fieldName(index))}
          error={form.formState.errors[fieldName(index)]?.message}
          readOnly={false}
          lang="vi"
        />
      ))}
    </form>
  );
}

it('reads numbers the Vietnamese and the English way', () => {
  expect(parseLocalNumber('6.500', 'vi')).toBe(6500);
  expect(parseLocalNumber('99,21', 'vi')).toBe(99.21);
  expect(parseLocalNumber('1.234.567,5', 'vi')).toBe(1234567.5);
  expect(parseLocalNumber(' 12 ', 'vi')).toBe(12);
  expect(parseLocalNumber('', 'vi')).toBeNull();
  expect(parseLocalNumber('6,500', 'en')).toBe(6500);
  expect(parseLocalNumber('99.21', 'en')).toBe(99.21);
  expect(parseLocalNumber('12a', 'vi')).toBe('invalid');
  expect(parseLocalNumber('1,2,3', 'vi')).toBe('invalid');
});

it('accepts 6.500 and 99,21 and names what is wrong with other input, within the bounds', async () => {
  await i18n.changeLanguage('vi');
  render(<Harness indicators={[STATIONS, SHARE]} />);
  const stations = screen.getByRole('textbox', { name: /Số trạm BTS/ });
  const share = screen.getByRole('textbox', { name: /Tỷ lệ hộ có cáp quang/ });
  expect(stations.getAttribute('inputmode')).toBe('decimal');
  expect(screen.getByText('Từ 0 đến 5.000')).toBeTruthy();

  fireEvent.change(stations, { target: { value: '6.500' } });
  fireEvent.change(share, { target: { value: '99,21' } });
  await waitFor(() => expect(stations.getAttribute('aria-invalid')).toBe('true'));
  expect(screen.getByRole('alert').textContent).toBe('Không được lớn hơn 5.000');
  expect(share.hasAttribute('aria-invalid')).toBe(false);

  fireEvent.change(stations, { target: { value: '4.500' } });
  fireEvent.change(share, { target: { value: '100,5' } });
  await waitFor(() => expect(share.getAttribute('aria-invalid')).toBe('true'));
  expect(stations.hasAttribute('aria-invalid')).toBe(false);
  expect(screen.getByRole('alert').textContent).toBe('Không được lớn hơn 100');

  fireEvent.change(share, { target: { value: 'nhiều' } });
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Không phải là số/));
  fireEvent.change(stations, { target: { value: '12,5' } });
  await waitFor(() => expect(screen.getByText('Phải là số nguyên')).toBeTruthy());
});
