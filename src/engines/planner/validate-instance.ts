import { Invalid } from '../../domain/errors.js';
import type { CoverInstance, PlanConstraints } from './instance.js';

function invalidInstance(field: string, message: string): Invalid {
  return new Invalid('planner.instance', `${field}: ${message}`, [{ path: field, message }]);
}

function invalidConstraintsAt(field: string, message: string): Invalid {
  return new Invalid('planner.constraints', `${field}: ${message}`, [{ path: field, message }]);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Checks the CSR arrays' shape and contents; throws an Invalid naming the first bad field. */
export function validateCoverInstance(instance: CoverInstance): void {
  const { candidateCount, demandCount, weight, candStart, candDemand, cost } = instance;
  if (!isCount(candidateCount))
    throw invalidInstance('candidateCount', `must be a whole number ≥ 0, got ${candidateCount}`);
  if (!isCount(demandCount)) throw invalidInstance('demandCount', `must be a whole number ≥ 0, got ${demandCount}`);
  if (weight.length !== demandCount)
    throw invalidInstance('weight', `has ${weight.length} entries, demandCount is ${demandCount}`);
  for (let i = 0; i < demandCount; i++) {
    const w = weight[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw invalidInstance(`weight[${i}]`, `must be finite and ≥ 0, got ${w}`);
  }
  if (cost.length !== candidateCount)
    throw invalidInstance('cost', `has ${cost.length} entries, candidateCount is ${candidateCount}`);
  for (let c = 0; c < candidateCount; c++) {
    const k = cost[c]!;
    if (!(k > 0) || !Number.isFinite(k)) throw invalidInstance(`cost[${c}]`, `must be finite and > 0, got ${k}`);
  }
  if (candStart.length !== candidateCount + 1)
    throw invalidInstance(
      'candStart',
      `has ${candStart.length} entries, needs candidateCount + 1 = ${candidateCount + 1}`,
    );
  if (candStart[0] !== 0) throw invalidInstance('candStart[0]', `must be 0, got ${candStart[0]}`);
  if (candStart[candidateCount] !== candDemand.length)
    throw invalidInstance(
      `candStart[${candidateCount}]`,
      `must equal candDemand's length ${candDemand.length}, got ${candStart[candidateCount]}`,
    );
  for (let c = 0; c < candidateCount; c++) {
    const start = candStart[c]!;
    const end = candStart[c + 1]!;
    if (end < start) throw invalidInstance(`candStart[${c + 1}]`, `decreases (${end} after ${start})`);
    for (let j = start; j < end; j++) {
      const point = candDemand[j]!;
      if (point >= demandCount)
        throw invalidInstance(
          `candDemand[${j}]`,
          `demand point ${point} of candidate ${c} is ≥ demandCount ${demandCount}`,
        );
      if (j > start && point <= candDemand[j - 1]!)
        throw invalidInstance(
          `candDemand[${j}]`,
          `candidate ${c}'s demand points are not ascending without duplicates (${point} after ${candDemand[j - 1]})`,
        );
    }
  }
}

function checkCandidateList(
  field: string,
  list: readonly number[] | undefined,
  candidateCount: number,
  invalidConstraints: (field: string, message: string) => Invalid,
): void {
  if (list === undefined) return;
  const seen = new Set<number>();
  list.forEach((c, at) => {
    if (!Number.isInteger(c) || c < 0 || c >= candidateCount)
      throw invalidConstraints(`${field}[${at}]`, `candidate ${c} is not in 0..${candidateCount - 1}`);
    if (seen.has(c)) throw invalidConstraints(`${field}[${at}]`, `candidate ${c} is listed twice`);
    seen.add(c);
  });
}

export { invalidConstraintsAt as invalidConstraints };

/** Checks the limits and the mandatory and excluded lists against the instance; throws an Invalid naming the field. */
export function validatePlanConstraints(instance: CoverInstance, constraints: PlanConstraints, fieldPrefix = ''): void {
  const { maxSites, budget, mandatory = [], excluded = [] } = constraints;
  const invalidConstraints = (field: string, message: string) => invalidConstraintsAt(fieldPrefix + field, message);
  if (maxSites === undefined && budget === undefined)
    throw invalidConstraints('maxSites', 'give maxSites, budget or both');
  if (maxSites !== undefined && !isCount(maxSites))
    throw invalidConstraints('maxSites', `must be a whole number ≥ 0, got ${maxSites}`);
  if (budget !== undefined && (!(budget >= 0) || !Number.isFinite(budget)))
    throw invalidConstraints('budget', `must be finite and ≥ 0, got ${budget}`);
  checkCandidateList('mandatory', mandatory, instance.candidateCount, invalidConstraints);
  checkCandidateList('excluded', excluded, instance.candidateCount, invalidConstraints);
  const excludedSet = new Set(excluded);
  mandatory.forEach((c, at) => {
    if (excludedSet.has(c)) throw invalidConstraints(`mandatory[${at}]`, `candidate ${c} is also excluded`);
  });
  if (maxSites !== undefined && mandatory.length > maxSites)
    throw invalidConstraints('mandatory', `${mandatory.length} mandatory sites exceed maxSites ${maxSites}`);
  if (budget !== undefined) {
    const mandatoryCost = mandatory.reduce((sum, c) => sum + instance.cost[c]!, 0);
    if (mandatoryCost > budget)
      throw invalidConstraints(
        'mandatory',
        `the mandatory sites cost ${mandatoryCost}, more than the budget ${budget}`,
      );
  }
}

/** Validates the instance and, when given, the constraints against it. */
export function validateInstance(instance: CoverInstance, constraints?: PlanConstraints): void {
  validateCoverInstance(instance);
  if (constraints) validatePlanConstraints(instance, constraints);
}
