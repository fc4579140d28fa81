import type { PlanResult } from '../domain/planner/plan-contract.js';
import type { WireError } from '../engines/coverage/messages.js';

/** What a plan's worker thread says: how far it has got, its result, or why it failed. */
export type PlanWorkerReply =
  | { kind: 'progress'; stage: string; fraction: number }
  | { kind: 'done'; result: PlanResult }
  | { kind: 'failed'; error: WireError; details?: unknown };
