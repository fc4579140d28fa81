import type { Messages } from './vi.js';

/** English UI strings; same keys as `vi.ts` (checked by the `Messages` type). */
export const en: Messages = {
  app: {
    name: 'DX Compact',
    documentTitle: 'Progress overview · DX Compact',
    agreementPeriod: '{{from}}–{{to}}',
  },
  unit: {
    label: 'Unit',
    searchLabel: 'Find a unit',
    searchPlaceholder: 'Search communes, wards…',
    wholeProvince: '{{name}} (whole province)',
    provinces: 'Provinces',
    wards: 'Wards — {{province}}',
    communes: 'Communes — {{province}}',
    specialZones: 'Special zones — {{province}}',
    others: 'Other units — {{province}}',
    matches_one: '{{count}} matching unit',
    matches_other: '{{count}} matching units',
    noMatch: 'No matching unit',
    loadFailed: 'Could not load the unit list',
    retry: 'Reload the unit list',
    loading: 'Loading units…',
  },
  lang: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  demo: {
    banner: 'Demo data — not official figures',
    tag: 'Demo',
    tagTitle: 'Demo value, not an official figure',
  },
  overview: {
    heading: 'Progress overview',
    yearOf: '{{year}}',
    areasNav: 'Cooperation areas',
    indicatorCount_one: '{{count}} indicator',
    indicatorCount_other: '{{count}} indicators',
    noIndicators: 'No indicators yet',
    noAreas: 'No cooperation areas yet.',
    loading: 'Loading data…',
    updating: 'Updating…',
  },
  error: {
    title: 'Could not load the data',
    network: 'Could not reach the server. Please check your connection and try again.',
    retry: 'Try again',
  },
  card: {
    noData: 'No data yet',
    target: '{{year}} target: {{value}}',
    noTarget: 'No target set',
    attainment: '{{value}} of target',
    attainmentAria: 'Share of target reached',
    attainmentHelpHigher: 'Attainment = current value ÷ target = {{current}} ÷ {{target}} (capped at 100%).',
    attainmentHelpLower:
      'Lower is better for this indicator: attainment = target ÷ current value = {{target}} ÷ {{current}} (capped at 100%).',
    howComputed: 'How attainment is computed',
    lowerIsBetter: 'Lower is better',
    coverage: '{{reported}} of {{expected}} units reported',
    coverageTitle: 'Units that reported for the period, out of the units expected to report',
    trendLabel: 'Monthly trend from {{from}} to {{to}}, latest: {{last}}',
  },
};
