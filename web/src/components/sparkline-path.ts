/**
 * The geometry of a sparkline in a 100 × `height` box: one path segment per run of reported periods (a period no
 * unit reported leaves a gap), the area under them, and where the latest value sits. Pure, so it is tested
 * without a DOM.
 */
export const SPARKLINE_WIDTH = 100;
const PAD = 3;

export interface SparklineGeometry {
  /** `M x y L x y …` per run of consecutive values. */
  line: string;
  /** The same runs closed down to the bottom edge. */
  area: string;
  last: { x: number; y: number } | null;
}

export function sparklineGeometry(values: readonly (number | null)[], height: number): SparklineGeometry {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return { line: '', area: '', last: null };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min;
  const stepX = values.length > 1 ? (SPARKLINE_WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const x = (i: number) => round(PAD + i * stepX);
  // A flat series sits in the middle rather than on an edge.
  const y = (v: number) => round(span === 0 ? height / 2 : height - PAD - ((v - min) / span) * (height - 2 * PAD));

  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ x: x(i), y: y(v) });
  });
  if (run.length) runs.push(run);

  const line = runs.map((points) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')).join(' ');
  const area = runs
    .filter((points) => points.length > 1)
    .map((points) => {
      const top = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
      return `${top} L${points.at(-1)!.x} ${height} L${points[0]!.x} ${height} Z`;
    })
    .join(' ');
  return { line, area, last: runs.at(-1)?.at(-1) ?? null };
}

const round = (n: number) => Math.round(n * 100) / 100;
