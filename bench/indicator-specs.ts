import type { TimeAggregation, UnitAggregation, ValueType } from '../src/domain/indicators/indicator-rule.js';

/** How the synthetic values of an indicator move: see `valueOf` in national-dataset.ts. */
export type ValueModel = 'stock-count' | 'flow-count' | 'percent' | 'yes-no' | 'speed' | 'revenue' | 'index' | 'outage';

export interface IndicatorSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  unitAggregation: UnitAggregation;
  threshold: number | null;
  timeAggregation: TimeAggregation;
  direction: 'higher' | 'lower';
  decimals: number;
  model: ValueModel;
}

type Archetype = Omit<IndicatorSpec, 'code'> & { code: string };

/** Twelve kinds of commune indicator, together covering every unit rule with both time rules. */
const ARCHETYPES: readonly Archetype[] = [
  {
    code: 'FIBRE_HH',
    nameVi: 'Hộ gia đình có cáp quang',
    nameEn: 'Households with fibre',
    unitVi: 'hộ',
    unitEn: 'households',
    valueType: 'count',
    unitAggregation: 'sum',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 0,
    model: 'stock-count',
  },
  {
    code: 'E_INVOICES',
    nameVi: 'Hóa đơn điện tử phát hành',
    nameEn: 'E-invoices issued',
    unitVi: 'hóa đơn',
    unitEn: 'invoices',
    valueType: 'count',
    unitAggregation: 'sum',
    threshold: null,
    timeAggregation: 'sum',
    direction: 'higher',
    decimals: 0,
    model: 'flow-count',
  },
  {
    code: 'POP_COV_4G',
    nameVi: 'Tỷ lệ dân số được phủ sóng 4G',
    nameEn: 'Population covered by 4G',
    unitVi: '%',
    unitEn: '%',
    valueType: 'percent',
    unitAggregation: 'weighted_average',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 1,
    model: 'percent',
  },
  {
    code: 'ONLINE_SERVICES',
    nameVi: 'Tỷ lệ dịch vụ công trực tuyến toàn trình',
    nameEn: 'Public services fully online',
    unitVi: '%',
    unitEn: '%',
    valueType: 'percent',
    unitAggregation: 'average',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 1,
    model: 'percent',
  },
  {
    code: 'SCHOOLS_ONLINE',
    nameVi: 'Tỷ lệ trường học có Internet',
    nameEn: 'Schools with Internet',
    unitVi: '%',
    unitEn: '%',
    valueType: 'percent',
    unitAggregation: 'min',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 1,
    model: 'percent',
  },
  {
    code: 'PEAK_SPEED',
    nameVi: 'Tốc độ băng rộng cao nhất',
    nameEn: 'Peak broadband speed',
    unitVi: 'Mbit/s',
    unitEn: 'Mbit/s',
    valueType: 'number',
    unitAggregation: 'max',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 2,
    model: 'speed',
  },
  {
    code: 'CASHLESS_80',
    nameVi: 'Xã đạt 80% thanh toán không dùng tiền mặt',
    nameEn: 'Communes with 80% cashless payments',
    unitVi: '%',
    unitEn: '%',
    valueType: 'percent',
    unitAggregation: 'share_meeting',
    threshold: 80,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 1,
    model: 'percent',
  },
  {
    code: 'DIGITAL_REVENUE',
    nameVi: 'Doanh thu kinh tế số',
    nameEn: 'Digital-economy revenue',
    unitVi: 'triệu đồng',
    unitEn: 'million VND',
    valueType: 'number',
    unitAggregation: 'sum',
    threshold: null,
    timeAggregation: 'sum',
    direction: 'higher',
    decimals: 2,
    model: 'revenue',
  },
  {
    code: 'ONLINE_APPLICATIONS',
    nameVi: 'Hồ sơ trực tuyến tiếp nhận',
    nameEn: 'Online applications received',
    unitVi: 'hồ sơ',
    unitEn: 'applications',
    valueType: 'count',
    unitAggregation: 'average',
    threshold: null,
    timeAggregation: 'sum',
    direction: 'higher',
    decimals: 0,
    model: 'flow-count',
  },
  {
    code: 'COMMUNITY_TECH_TEAM',
    nameVi: 'Có tổ công nghệ số cộng đồng',
    nameEn: 'Has a community digital-technology team',
    unitVi: 'có/không',
    unitEn: 'yes/no',
    valueType: 'boolean',
    unitAggregation: 'share_meeting',
    threshold: 1,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 0,
    model: 'yes-no',
  },
  {
    code: 'DIGITAL_SKILLS',
    nameVi: 'Chỉ số kỹ năng số',
    nameEn: 'Digital-skills index',
    unitVi: 'điểm',
    unitEn: 'points',
    valueType: 'number',
    unitAggregation: 'weighted_average',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    decimals: 2,
    model: 'index',
  },
  {
    code: 'OUTAGE_HOURS',
    nameVi: 'Số giờ mất kết nối',
    nameEn: 'Hours without connectivity',
    unitVi: 'giờ',
    unitEn: 'hours',
    valueType: 'number',
    unitAggregation: 'max',
    threshold: null,
    timeAggregation: 'sum',
    direction: 'lower',
    decimals: 1,
    model: 'outage',
  },
];

export const VARIANTS = 5;

/** 60 indicators: each archetype in five variants (`FIBRE_HH_1` … `FIBRE_HH_5`), all reported per commune. */
export function indicatorSpecs(): IndicatorSpec[] {
  const specs: IndicatorSpec[] = [];
  for (let variant = 1; variant <= VARIANTS; variant += 1) {
    for (const archetype of ARCHETYPES) {
      specs.push({
        ...archetype,
        code: `${archetype.code}_${variant}`,
        nameVi: `${archetype.nameVi} (nhóm ${variant})`,
        nameEn: `${archetype.nameEn} (group ${variant})`,
      });
    }
  }
  return specs;
}

/**
 * The 20 indicators a roll-up request covers: the first variant of every archetype (all six unit
 * rules, flows and stocks) and the second variant of the first eight.
 */
export function rollUpCodes(): string[] {
  return [...ARCHETYPES.map((a) => `${a.code}_1`), ...ARCHETYPES.slice(0, 8).map((a) => `${a.code}_2`)];
}
