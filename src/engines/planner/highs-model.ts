// The maximal-covering MIP in CPLEX LP format, for HiGHS, and the reading of its solution back into candidates.
import type { CoverInstance, PlanConstraints } from './instance.js';

/**
 * Terms per line. HiGHS reads lines of any length (a line of 800,000 characters was tried), but the CPLEX format
 * limits a line to 510 characters; 16 terms of this model stay under that, so other readers can take the text too.
 */
const TERMS_PER_LINE = 16;

/** The model's text and what is needed to read a solution of it. */
export interface CoverLp {
  text: string;
  /** The candidates that are variables of the model (every one not excluded), ascending. */
  candidates: Uint32Array;
  /** Demand points in the model: weight > 0 and covered by at least one candidate not excluded. */
  modelledDemandCount: number;
  /** Their total weight: a bound on any objective, proven without solving. */
  coverableWeight: number;
}

const candidateVariable = (candidate: number): string => `x${candidate}`;
const demandVariable = (point: number): string => `z${point}`;

/** Writes `sign term sign term …` as continuation lines of at most TERMS_PER_LINE terms each. */
function pushTerms(lines: string[], first: string, terms: readonly string[]): void {
  for (let at = 0; at < terms.length; at += TERMS_PER_LINE) {
    const chunk = terms.slice(at, at + TERMS_PER_LINE).join(' + ');
    lines.push(at === 0 ? `${first}${chunk}` : ` + ${chunk}`);
  }
}

/** The CSR of the allowed candidates transposed: for each demand point, the candidates covering it. */
function coveringCandidates(
  instance: CoverInstance,
  allowed: Uint8Array,
): { pointStart: Uint32Array; pointCand: Uint32Array } {
  const { candidateCount, demandCount, candStart, candDemand } = instance;
  const pointStart = new Uint32Array(demandCount + 1);
  for (let c = 0; c < candidateCount; c++) {
    if (!allowed[c]) continue;
    for (let j = candStart[c]!; j < candStart[c + 1]!; j++) pointStart[candDemand[j]! + 1]! += 1;
  }
  for (let i = 0; i < demandCount; i++) pointStart[i + 1]! += pointStart[i]!;
  const fill = pointStart.slice(0, demandCount);
  const pointCand = new Uint32Array(pointStart[demandCount]!);
  for (let c = 0; c < candidateCount; c++) {
    if (!allowed[c]) continue;
    for (let j = candStart[c]!; j < candStart[c + 1]!; j++) pointCand[fill[candDemand[j]!]!++] = c;
  }
  return { pointStart, pointCand };
}

/**
 * maximise Σ w_i z_i subject to z_i ≤ Σ_{c covers i} x_c, Σ x_c ≤ maxSites, Σ cost_c x_c ≤ budget; x binary,
 * mandatory x fixed to 1, excluded candidates left out; z continuous in [0, 1], which is enough because the objective
 * pushes each z_i up to 1 exactly when a chosen candidate covers i. Points of weight 0 and points no allowed candidate
 * covers are left out (they change no choice). The constraints are assumed validated (validate-instance.ts).
 */
export function writeCoverLp(instance: CoverInstance, constraints: PlanConstraints): CoverLp {
  const { candidateCount, demandCount, weight, cost } = instance;
  const allowed = new Uint8Array(candidateCount).fill(1);
  for (const c of constraints.excluded ?? []) allowed[c] = 0;
  const candidates = Uint32Array.from({ length: candidateCount }, (_, c) => c).filter((c) => allowed[c] === 1);
  const { pointStart, pointCand } = coveringCandidates(instance, allowed);

  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  let coverableWeight = 0;
  for (let i = 0; i < demandCount; i++) {
    const w = weight[i]!;
    const start = pointStart[i]!;
    const end = pointStart[i + 1]!;
    if (w === 0 || start === end) continue;
    coverableWeight += w;
    const z = demandVariable(i);
    objective.push(`${w} ${z}`);
    const covering: string[] = [];
    for (let j = start; j < end; j++) covering.push(candidateVariable(pointCand[j]!));
    const row = covering.join(' - ');
    // Split long rows on term boundaries as pushTerms does; most points have a handful of candidates.
    if (covering.length <= TERMS_PER_LINE) rows.push(` ${z} - ${row} <= 0`);
    else {
      rows.push(` ${z}`);
      for (let at = 0; at < covering.length; at += TERMS_PER_LINE)
        rows.push(` - ${covering.slice(at, at + TERMS_PER_LINE).join(' - ')}`);
      rows.push(' <= 0');
    }
    bounds.push(` ${z} <= 1`);
  }

  const objectiveLines: string[] = [];
  pushTerms(objectiveLines, ' obj: ', objective);
  const xs = Array.from(candidates, candidateVariable);
  const limits: string[] = [];
  if (constraints.maxSites !== undefined && xs.length > 0) {
    pushTerms(limits, ' sites: ', xs);
    limits.push(` <= ${constraints.maxSites}`);
  }
  if (constraints.budget !== undefined && xs.length > 0) {
    pushTerms(
      limits,
      ' budget: ',
      Array.from(candidates, (c) => `${cost[c]} ${candidateVariable(c)}`),
    );
    limits.push(` <= ${constraints.budget}`);
  }
  for (const c of constraints.mandatory ?? []) bounds.push(` ${candidateVariable(c)} = 1`);
  const binary: string[] = [];
  for (let at = 0; at < xs.length; at += TERMS_PER_LINE) binary.push(` ${xs.slice(at, at + TERMS_PER_LINE).join(' ')}`);
  // Sections joined rather than pushed into one array: a spread of 100,000 rows would overflow the call stack.
  const sections = [
    ['Maximize', ...(objectiveLines.length > 0 ? objectiveLines : [' obj:'])],
    ['Subject To'],
    rows,
    limits,
    ['Bounds'],
    bounds,
    binary.length > 0 ? ['Binary', ...binary] : [],
    ['End', ''],
  ];
  const text = sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n');
  return { text, candidates, modelledDemandCount: objective.length, coverableWeight };
}

/** The covered weight of a set of candidates, counting each demand point once. */
export function coveredWeight(instance: CoverInstance, chosen: readonly number[]): number {
  const covered = new Uint8Array(instance.demandCount);
  let total = 0;
  for (const c of chosen) {
    for (let j = instance.candStart[c]!; j < instance.candStart[c + 1]!; j++) {
      const point = instance.candDemand[j]!;
      if (covered[point]) continue;
      covered[point] = 1;
      total += instance.weight[point]!;
    }
  }
  return total;
}

/** Where each candidate's and each demand point's variable is among the model's columns (-1: not in the model). */
export interface CoverColumns {
  candidateColumn: Int32Array;
  demandColumn: Int32Array;
}

/** Maps the columns of the model HiGHS read from the text back to candidates and points by their names. */
export function mapCoverColumns(
  instance: CoverInstance,
  columnCount: number,
  nameOf: (column: number) => string,
): CoverColumns {
  const candidateColumn = new Int32Array(instance.candidateCount).fill(-1);
  const demandColumn = new Int32Array(instance.demandCount).fill(-1);
  for (let column = 0; column < columnCount; column++) {
    const name = nameOf(column);
    const index = Number(name.slice(1));
    const of = name[0] === 'x' ? candidateColumn : name[0] === 'z' ? demandColumn : null;
    if (!of || !Number.isInteger(index) || index < 0 || index >= of.length)
      throw new Error(`the covering model has a column ${name} it did not write`);
    of[index] = column;
  }
  return { candidateColumn, demandColumn };
}

/**
 * A complete MIP start from a plan: its candidates at 1, every point it covers at 1, all else 0. HiGHS checks it and
 * keeps it as the first incumbent when feasible.
 */
export function startColumnValues(
  instance: CoverInstance,
  columns: CoverColumns,
  columnCount: number,
  plan: readonly number[],
): Float64Array {
  const values = new Float64Array(columnCount);
  for (const c of plan) {
    const column = columns.candidateColumn[c]!;
    if (column >= 0) values[column] = 1;
    for (let j = instance.candStart[c]!; j < instance.candStart[c + 1]!; j++) {
      const point = columns.demandColumn[instance.candDemand[j]!]!;
      if (point >= 0) values[point] = 1;
    }
  }
  return values;
}

/**
 * The candidates a solution chooses: binary variables at 1 within HiGHS's integrality tolerance (1e-6 by default),
 * so the 0.5 threshold only separates 0 from 1.
 */
export function chosenCandidates(lp: CoverLp, columns: CoverColumns, columnValue: Float64Array): number[] {
  return Array.from(lp.candidates).filter((c) => columnValue[columns.candidateColumn[c]!]! > 0.5);
}
