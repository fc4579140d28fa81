// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../api/types.js';
import { formatValue } from '../../format.js';
import i18n from '../../i18n.js';
import { buildChoropleth } from '../../map/choropleth.js';
import { MapLegend, type MapLegendProps } from './MapLegend.js';

afterEach(cleanup);

const communes = (values: number[]): BoundaryCollection => ({
  type: 'FeatureCollection',
  features: values.map((value, i) => ({
    type: 'Feature',
    properties: { code: String(i), value } as never,
    geometry: null,
  })),
});

function renderLegend(values: number[], props: Partial<MapLegendProps>) {
  void i18n.changeLanguage('vi');
  render(
    <MapLegend
      lang="vi"
      title="Chỉ số · Năm 2025"
      provinceValue={null}
      choropleth={buildChoropleth(communes(values), 0)}
      formatBreak={(v) => formatValue(v, props.yesNo ? 'boolean' : 'count', 0, 'vi')}
      yesNo={false}
      hasBorder={false}
      hasEconomicZone={false}
      hotspotTech={null}
      overlays={[]}
      coverageLegend={undefined}
      run={null}
      ownGeometryOnly
      {...props}
    />,
  );
  return screen.getByRole('list', { name: 'Các mức tô màu' }).textContent ?? '';
}

it('names the classes of a yes/no indicator instead of ranging them', () => {
  const text = renderLegend([0, 0, 100, 100, 100], { yesNo: true });
  expect(text).toContain('Không2 xã');
  expect(text).toContain('Có3 xã');
  expect(text).not.toContain('<');
});

it('ranges the classes of a count, and says the map needs no base map', () => {
  const text = renderLegend([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {});
  expect(text).toMatch(/< \d/);
  expect(document.body.textContent).toContain('không cần Internet');
});
