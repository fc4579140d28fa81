/** Test fixtures shaped like the overview API (GET /api/org-units/tree, GET /api/progress). Demo values. */
import type {
  IndicatorProgress,
  ProgressSummary,
  SeriesPoint,
  UnitSummary,
  UnitTreeNode,
} from '../../../src/domain/overview-contract.js';

function unit(code: string, nameVi: string, extra: Partial<UnitSummary> = {}): UnitSummary {
  return {
    code,
    nameVi,
    nameEn: null,
    level: 'commune',
    unitType: 'commune',
    parentCode: '24',
    population: null,
    areaKm2: null,
    isBorder: false,
    isEconomicZone: false,
    isDemo: false,
    ...extra,
  };
}

const communes: UnitTreeNode[] = [
  { ...unit('60301058', 'Phường Pleiku', { unitType: 'ward' }), children: [] },
  { ...unit('50701001', 'Phường Quy Nhơn', { unitType: 'ward' }), children: [] },
  { ...unit('50717006', 'Phường Bình Định', { unitType: 'ward' }), children: [] },
  { ...unit('60331001', 'Xã Ia Grai'), children: [] },
  { ...unit('60331002', 'Xã Đức Cơ', { isBorder: true }), children: [] },
  { ...unit('60331003', 'Xã An Lão'), children: [] },
  { ...unit('60331004', 'Xã Ân Hảo'), children: [] },
  { ...unit('60331005', 'Xã Bờ Ngoong'), children: [] },
];

export const province: UnitSummary = unit('24', 'Gia Lai', {
  nameEn: 'Gia Lai',
  level: 'province',
  unitType: 'province',
  parentCode: 'VN',
  population: 3_583_693,
});

export const unitTree: UnitTreeNode = {
  ...unit('VN', 'Việt Nam', { nameEn: 'Viet Nam', level: 'nation', unitType: 'nation', parentCode: null }),
  children: [{ ...province, children: communes }],
};

function monthly(values: (number | null)[]): SeriesPoint[] {
  return values.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, value }));
}

function indicator(partial: Partial<IndicatorProgress> & Pick<IndicatorProgress, 'code' | 'nameVi' | 'nameEn'>) {
  const base: IndicatorProgress = {
    code: partial.code,
    nameVi: partial.nameVi,
    nameEn: partial.nameEn,
    unitVi: '%',
    unitEn: '%',
    valueType: 'percent',
    decimals: 2,
    direction: 'higher',
    isDemo: true,
    period: '2025',
    current: null,
    coverage: { reported: 135, expected: 135 },
    baseline: null,
    target: null,
    attainment: null,
    series: [],
    status: 'no_target',
    expected: null,
    computed: null,
  };
  return { ...base, ...partial };
}

export const progressSummary: ProgressSummary = {
  unit: province,
  year: 2025,
  statusRule: { vi: 'Quy tắc', en: 'Rule' },
  agreement: {
    code: 'GL-VT-2025',
    titleVi: 'Thỏa thuận hợp tác chuyển đổi số giữa UBND tỉnh Gia Lai và Tập đoàn Viettel',
    titleEn: 'Digital transformation cooperation agreement between Gia Lai Province and Viettel Group',
    periodFrom: 2025,
    periodTo: 2030,
  },
  isDemo: true,
  areas: [
    {
      code: 'A1',
      nameVi: 'Chính quyền số',
      nameEn: 'Digital government',
      indicators: [
        indicator({
          code: 'A1.01',
          nameVi: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến',
          nameEn: 'Share of administrative procedures handled online',
          unitVi: '% hồ sơ',
          unitEn: '% of cases',
          current: 87.4,
          decimals: 1,
          target: { year: 2030, value: 95 },
          attainment: 87.4 / 95,
          coverage: { reported: 112, expected: 135 },
          series: monthly([80.1, 81.3, 82, null, 84.2, 85, 85.9, 86.5, 87.4]),
        }),
        indicator({
          code: 'A1.02',
          nameVi: 'Thời gian xử lý hồ sơ trung bình',
          nameEn: 'Average case processing time',
          unitVi: 'ngày',
          unitEn: 'days',
          valueType: 'number',
          decimals: 1,
          direction: 'lower',
          current: 4.2,
          target: { year: 2030, value: 3 },
          attainment: 3 / 4.2,
          series: monthly([6, 5.8, 5.5, 5.1, 4.9, 4.6, 4.4, 4.3, 4.2]),
        }),
        indicator({
          code: 'A1.03',
          nameVi: 'Có trung tâm điều hành thông minh (IOC) cấp tỉnh',
          nameEn: 'Provincial intelligent operations centre (IOC) in service',
          unitVi: 'có/không',
          unitEn: 'yes/no',
          valueType: 'boolean',
          decimals: 0,
          current: 1,
          target: { year: 2030, value: 1 },
          attainment: 1,
        }),
      ],
    },
    {
      code: 'A2',
      nameVi: 'Đầu tư, hoàn thiện hạ tầng viễn thông và công nghệ thông tin',
      nameEn: 'Investing in and completing telecom and IT infrastructure',
      indicators: [
        indicator({
          code: 'A2.01',
          nameVi: 'Tỷ lệ dân số được phủ sóng di động 4G/5G',
          nameEn: 'Population covered by 4G/5G mobile',
          unitVi: '% dân số',
          unitEn: '% of population',
          current: 99.21,
          target: { year: 2030, value: 99.9 },
          attainment: 99.21 / 99.9,
          baseline: { year: 2024, value: 98.5 },
          coverage: { reported: 112, expected: 135 },
          series: monthly([98.6, 98.7, 98.8, 98.8, 98.9, 99, 99.1, 99.15, 99.21]),
        }),
        indicator({
          code: 'A2.02',
          nameVi: 'Số trạm BTS 5G',
          nameEn: '5G base stations',
          unitVi: 'trạm',
          unitEn: 'stations',
          valueType: 'count',
          decimals: 0,
          current: 6500,
          target: { year: 2030, value: 12000 },
          attainment: 6500 / 12000,
          series: monthly([5200, 5400, 5600, 5800, 5950, 6100, 6250, 6400, 6500]),
        }),
        indicator({
          code: 'A2.03',
          nameVi: 'Lưu lượng dữ liệu di động',
          nameEn: 'Mobile data traffic',
          unitVi: 'GB/tháng',
          unitEn: 'GB/month',
          valueType: 'count',
          decimals: 0,
          current: 38_800_000,
          target: null,
          attainment: null,
          series: monthly([30e6, 31e6, 32.5e6, 33e6, 34.2e6, 35e6, 36.1e6, 37.4e6, 38.8e6]),
        }),
      ],
    },
    {
      code: 'A3',
      nameVi: 'Kinh tế số',
      nameEn: 'Digital economy',
      indicators: [
        indicator({
          code: 'A3.01',
          nameVi: 'Tỷ trọng kinh tế số trong GRDP',
          nameEn: 'Digital economy share of GRDP',
          unitVi: '% GRDP',
          unitEn: '% of GRDP',
          current: null,
          target: { year: 2030, value: 30 },
          attainment: null,
          coverage: { reported: 0, expected: 1 },
        }),
      ],
    },
    { code: 'A4', nameVi: 'Xã hội số', nameEn: 'Digital society', indicators: [] },
    { code: 'A5', nameVi: 'An toàn thông tin, an ninh mạng', nameEn: 'Information security', indicators: [] },
    { code: 'A6', nameVi: 'Nguồn nhân lực số', nameEn: 'Digital skills', indicators: [] },
    { code: 'A7', nameVi: 'Dữ liệu số', nameEn: 'Digital data', indicators: [] },
    { code: 'A8', nameVi: 'Chuyển đổi số cấp xã', nameEn: 'Commune-level digital transformation', indicators: [] },
  ],
};
