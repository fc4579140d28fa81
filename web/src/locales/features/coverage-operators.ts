/** The coverage model's figures per operator: each network, the largest (ITU 9.c.1) and the union. */
export const vi = {
  coverageOperators: {
    title: 'Dân số được phủ sóng theo nhà mạng (toàn tỉnh)',
    criterion: 'Tiêu chí phủ sóng: {{criterion}}',
    median: 'mức tín hiệu trung vị ≥ ngưỡng',
    reliability: '≥ {{reliability}} vị trí đạt ngưỡng (che khuất log-normal, σ {{sigma}} dB)',
    sigmaByEnvironment: '{{urban}}/{{suburban}}/{{rural}} (đô thị/ven đô/nông thôn)',
    network: 'Mạng',
    main: '{{operator}} (chỉ số của thỏa thuận)',
    maxOperator: 'Nhà mạng lớn nhất (ITU 9.c.1)',
    maxOperatorHint: 'Khi nhiều nhà mạng cung cấp dịch vụ, báo cáo số dân được phủ sóng lớn nhất.',
    union: 'Ít nhất một mạng (người dân trải nghiệm)',
    ofWhich: '{{operator}}',
  },
};

export const en: typeof vi = {
  coverageOperators: {
    title: 'Population covered by operator (whole province)',
    criterion: 'Coverage criterion: {{criterion}}',
    median: 'median signal level ≥ threshold',
    reliability: '≥ {{reliability}} of locations reach the threshold (log-normal shadowing, σ {{sigma}} dB)',
    sigmaByEnvironment: '{{urban}}/{{suburban}}/{{rural}} (urban/suburban/rural)',
    network: 'Network',
    main: '{{operator}} (the agreement’s indicator)',
    maxOperator: 'Largest operator (ITU 9.c.1)',
    maxOperatorHint: 'When several operators offer the service, the largest covered population is reported.',
    union: 'At least one network (what residents experience)',
    ofWhich: '{{operator}}',
  },
};
