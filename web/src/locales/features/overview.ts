/** The overview screen's words (filled in as the screen is built). */
export const vi = {
  overviewTargets: {
    splitFromProvince: 'Phân bổ từ chỉ tiêu tỉnh',
  },
};

export const en: typeof vi = {
  overviewTargets: {
    splitFromProvince: 'Split from the province’s target',
  },
};
