/** The admin screen's words. */
export const vi = {
  adminTabs: {
    indicators: 'Chỉ số',
    targets: 'Chỉ tiêu và phân bổ',
    units: 'Đơn vị hành chính',
    users: 'Người dùng và vai trò',
  },
};

export const en: typeof vi = {
  adminTabs: {
    indicators: 'Indicators',
    targets: 'Targets and their split',
    units: 'Administrative units',
    users: 'Users and roles',
  },
};
