/** Map classes of a predicted level relative to the coverage threshold, best first; colours are RGBA. */
export interface SignalClass {
  key: 'strong' | 'good' | 'covered' | 'weak';
  /** Lowest level in the class, as dB above the threshold (the class runs up to the previous one's floor). */
  fromDbAboveThreshold: number;
  rgba: [number, number, number, number];
  labelVi: string;
  labelEn: string;
}

export const SIGNAL_CLASSES: readonly SignalClass[] = [
  {
    key: 'strong',
    fromDbAboveThreshold: 20,
    rgba: [0, 104, 55, 170],
    labelVi: 'Rất tốt (≥ ngưỡng + 20 dB)',
    labelEn: 'Strong (≥ threshold + 20 dB)',
  },
  {
    key: 'good',
    fromDbAboveThreshold: 10,
    rgba: [49, 163, 84, 160],
    labelVi: 'Tốt (ngưỡng + 10–20 dB)',
    labelEn: 'Good (threshold + 10–20 dB)',
  },
  {
    key: 'covered',
    fromDbAboveThreshold: 0,
    rgba: [173, 221, 142, 150],
    labelVi: 'Đạt ngưỡng (0–10 dB)',
    labelEn: 'Covered (threshold to +10 dB)',
  },
  {
    key: 'weak',
    fromDbAboveThreshold: -10,
    rgba: [253, 174, 97, 140],
    labelVi: 'Yếu, dưới ngưỡng (−10–0 dB)',
    labelEn: 'Weak, below threshold (−10 to 0 dB)',
  },
];

/** The class index of a level, or −1 when it is far below the threshold or not predicted (NaN). */
export function signalClassIndex(levelDbm: number, thresholdDbm: number): number {
  if (!(levelDbm === levelDbm)) return -1; // NaN
  const above = levelDbm - thresholdDbm;
  for (let i = 0; i < SIGNAL_CLASSES.length; i++) if (above >= SIGNAL_CLASSES[i]!.fromDbAboveThreshold) return i;
  return -1;
}
