/** Vietnamese UI strings (default language). `en.ts` must have the same keys. */
export const vi = {
  app: {
    name: 'DX Compact',
    documentTitle: 'Tổng quan tiến độ · DX Compact',
    agreementPeriod: 'Giai đoạn {{from}}–{{to}}',
  },
  unit: {
    label: 'Đơn vị',
    searchLabel: 'Tìm đơn vị',
    searchPlaceholder: 'Tìm xã, phường…',
    wholeProvince: '{{name}} (toàn tỉnh)',
    provinces: 'Tỉnh, thành phố',
    wards: 'Phường — {{province}}',
    communes: 'Xã — {{province}}',
    specialZones: 'Đặc khu — {{province}}',
    others: 'Đơn vị khác — {{province}}',
    matches_one: '{{count}} đơn vị phù hợp',
    matches_other: '{{count}} đơn vị phù hợp',
    noMatch: 'Không có đơn vị phù hợp',
    loadFailed: 'Không tải được danh sách đơn vị',
    retry: 'Tải lại danh sách đơn vị',
    loading: 'Đang tải danh sách đơn vị…',
  },
  lang: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  demo: {
    banner: 'Dữ liệu minh họa (demo) — không phải số liệu chính thức',
    tag: 'Minh họa',
    tagTitle: 'Số liệu minh họa, không phải số liệu chính thức',
  },
  overview: {
    heading: 'Tổng quan tiến độ',
    yearOf: 'Năm {{year}}',
    areasNav: 'Các lĩnh vực hợp tác',
    indicatorCount_one: '{{count}} chỉ tiêu',
    indicatorCount_other: '{{count}} chỉ tiêu',
    noIndicators: 'Chưa có chỉ tiêu',
    noAreas: 'Chưa có lĩnh vực hợp tác nào.',
    loading: 'Đang tải dữ liệu…',
    updating: 'Đang cập nhật…',
  },
  error: {
    title: 'Không tải được dữ liệu',
    network: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    retry: 'Thử lại',
  },
  card: {
    noData: 'Chưa có số liệu',
    target: 'Mục tiêu {{year}}: {{value}}',
    noTarget: 'Chưa có mục tiêu',
    attainment: 'Đạt {{value}} mục tiêu',
    attainmentAria: 'Mức đạt mục tiêu',
    attainmentHelpHigher: 'Mức đạt = giá trị hiện tại ÷ mục tiêu = {{current}} ÷ {{target}} (tối đa 100 %).',
    attainmentHelpLower:
      'Chỉ tiêu càng thấp càng tốt: mức đạt = mục tiêu ÷ giá trị hiện tại = {{target}} ÷ {{current}} (tối đa 100 %).',
    howComputed: 'Cách tính mức đạt',
    lowerIsBetter: 'Càng thấp càng tốt',
    coverage: '{{reported}}/{{expected}} xã báo cáo',
    coverageTitle: 'Số đơn vị đã báo cáo trên số đơn vị phải báo cáo trong kỳ',
    trendLabel: 'Diễn biến theo tháng từ {{from}} đến {{to}}, mới nhất: {{last}}',
  },
};

export type Messages = typeof vi;
