// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n.js';
import type { CoverageRun, Technology } from '../../api/types.js';
import { CommunePanel, type CommunePanelProps } from './CommunePanel.js';

afterEach(cleanup);

const run = {
  id: 'r1',
  status: 'succeeded',
  rootUnit: '24',
  result: {
    technologies: ['2G', '4G', '5G'],
    units: [{ unit: '60309134', population: 4000, covered: { '2G': 3900, '4G': 3500, '5G': 1000 } }],
    total: { unit: '*', population: 4000, covered: {} },
  },
} as unknown as CoverageRun;

function renderPanel(technology: Technology | null, lang: 'vi' | 'en' = 'vi') {
  void i18n.changeLanguage(lang);
  const props: CommunePanelProps = {
    lang,
    code: '60309134',
    name: 'Xã Ia O',
    unit: { population: 4000, isBorder: true, isEconomicZone: false },
    what: 'Phủ sóng · Năm 2025',
    valueText: '25,00 %',
    periodText: 'Năm 2025',
    technology,
    compare: {
      rows: [
        { technology: '4G', reported: 90, computed: 87.5 },
        { technology: '5G', reported: undefined, computed: 25 },
      ],
      loading: false,
      failed: false,
    },
    run,
    onClose: () => {},
  };
  return render(
    <MemoryRouter initialEntries={['/ban-do']}>
      <CommunePanel {...props} />
    </MemoryRouter>,
  );
}

describe('the commune panel beside the map', () => {
  it('counts the people not covered by 5G when 5G is chosen, never by 4G', () => {
    renderPanel('5G');
    const text = document.body.textContent ?? '';
    expect(text).toContain('3.000 người ở đây chưa được phủ sóng 5G');
    expect(text).not.toMatch(/phủ sóng 4G\./);
    // The chosen technology's row stands out.
    expect(screen.getByRole('rowheader', { name: '5G' }).closest('tr')?.className).toBe('is-chosen');
  });

  it('counts the people not covered by 4G when 4G is chosen, in English too', () => {
    renderPanel('4G', 'en');
    expect(document.body.textContent).toContain('The model finds 500 people here without 4G coverage.');
  });

  it('names no technology for an indicator about none, and links to the commune profile', () => {
    renderPanel(null);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/chưa được phủ sóng [245]G/);
    expect(text).toContain('Chỉ số này không theo một loại sóng');
    expect(screen.getByRole('link', { name: 'Xem hồ sơ của Xã Ia O' }).getAttribute('href')).toBe('/xa/60309134');
  });
});
