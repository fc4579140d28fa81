import type { SeriesPoint } from '../../../src/domain/overview-contract.js';
import { SPARKLINE_WIDTH, sparklineGeometry } from './sparkline-path.js';

export interface SparklineProps {
  series: SeriesPoint[];
  /** Accessible description, e.g. "Monthly trend from Jan 2025 to Sep 2025, latest: 99.21%". */
  label: string;
  color?: string;
  height?: number;
}

/**
 * A tiny line chart of a monthly series: no axes, no labels, gaps where no unit reported. Plain SVG (a few hundred
 * bytes) rather than a chart library: the overview shows dozens of them on its first page, often on a phone.
 */
export function Sparkline({ series, label, color = '#1d5fbf', height = 40 }: SparklineProps) {
  const { line, area, last } = sparklineGeometry(
    series.map((p) => p.value),
    height,
  );
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${height}`}
      preserveAspectRatio="none"
      style={{ height, width: '100%' }}
    >
      <title>{label}</title>
      {area && <path d={area} fill={color} fillOpacity={0.08} stroke="none" />}
      {line && (
        <path
          d={line}
          fill="none"
          stroke={color}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      )}
      {/* A zero-length round-capped stroke stays a dot however the box is stretched. */}
      {last && (
        <path
          d={`M${last.x} ${last.y} l0 0`}
          stroke={color}
          strokeWidth={5}
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}

export default Sparkline;
