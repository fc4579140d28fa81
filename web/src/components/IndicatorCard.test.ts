import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, expect, it } from 'vitest';
import i18n from '../i18n.js';
import { AreaSection } from '../pages/OverviewPage.js';
import { progressSummary } from '../test-fixtures/overview.js';
import { IndicatorCard } from './IndicatorCard.js';

const area = (code: string) => progressSummary.areas.find((a) => a.code === code)!;
const render = (node: React.ReactElement) => renderToStaticMarkup(createElement(I18nextProvider, { i18n }, node));

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

it('renders a percent indicator in Vietnamese', () => {
  const indicator = area('A2').indicators[0]!;
  const html = render(createElement(IndicatorCard, { indicator, lang: 'vi' }));
  expect(html).toContain('99,21 %');
  expect(html).toContain('% dân số');
  expect(html).toContain('Năm 2025');
  expect(html).toContain('Mục tiêu 2030: 99,90 %');
  expect(html).toContain('Đạt 99 % mục tiêu');
  expect(html).toContain('112/135 xã báo cáo');
  expect(html).toContain('Minh họa');
});

it('renders the same card in English', async () => {
  await i18n.changeLanguage('en');
  const indicator = area('A2').indicators[0]!;
  const html = render(createElement(IndicatorCard, { indicator, lang: 'en' }));
  expect(html).toContain('99.21%');
  expect(html).toContain('2030 target: 99.90%');
  expect(html).toContain('99% of target');
  expect(html).toContain('112 of 135 units reported');
  expect(html).toContain('Demo');
});

it('explains lower-is-better attainment and shows missing values', () => {
  const lower = render(createElement(IndicatorCard, { indicator: area('A1').indicators[1]!, lang: 'vi' }));
  expect(lower).toContain('mục tiêu ÷ giá trị hiện tại = 3,0 ÷ 4,2');
  const missing = render(createElement(IndicatorCard, { indicator: area('A3').indicators[0]!, lang: 'vi' }));
  expect(missing).toContain('Chưa có số liệu');
  expect(missing).not.toContain('role="progressbar"');
});

it('renders an area title and the empty state', () => {
  const html = render(createElement(AreaSection, { area: area('A2'), lang: 'vi' }));
  expect(html).toContain('A2</span> · Đầu tư, hoàn thiện hạ tầng viễn thông và công nghệ thông tin');
  const empty = render(createElement(AreaSection, { area: area('A8'), lang: 'vi' }));
  expect(empty).toContain('Chưa có chỉ tiêu');
});

it('shows the reported and the computed figure side by side, with the note', async () => {
  const base = area('A2').indicators[0]!;
  const indicator = { ...base, computed: { code: 'POP_COV_4G_COMPUTED', value: 99.1834 } };
  const vi = render(createElement(IndicatorCard, { indicator, lang: 'vi' }));
  const viText = vi.replace(/<[^>]+>/g, '');
  expect(viText).toContain('Báo cáo 99,21 % · Tính toán 99,18 %');
  expect(vi).toContain('mô hình phủ sóng');
  expect(vi).toContain('không thay thế số báo cáo');
  await i18n.changeLanguage('en');
  const en = render(createElement(IndicatorCard, { indicator, lang: 'en' })).replace(/<[^>]+>/g, '');
  expect(en).toContain('Reported 99.21% · computed 99.18%');
  expect(en).toContain('never replaces the reported one');
  // Without a computed figure there is no comparison line.
  expect(render(createElement(IndicatorCard, { indicator: base, lang: 'en' }))).not.toContain('card-compare');
});

it('notes under the target when it is the province’s, split down to the commune', async () => {
  const base = area('A2').indicators[0]!;
  const split = { ...base, targetSource: 'split_from_province' as const };
  expect(render(createElement(IndicatorCard, { indicator: split, lang: 'vi' }))).toContain('Phân bổ từ chỉ tiêu tỉnh');
  const own = render(
    createElement(IndicatorCard, { indicator: { ...base, targetSource: 'own' as const }, lang: 'vi' }),
  );
  expect(own).not.toContain('Phân bổ');
  // No target, no note.
  const none = render(createElement(IndicatorCard, { indicator: { ...split, target: null }, lang: 'vi' }));
  expect(none).not.toContain('Phân bổ');
  await i18n.changeLanguage('en');
  expect(render(createElement(IndicatorCard, { indicator: split, lang: 'en' }))).toContain(
    'Split from the province’s target',
  );
});
