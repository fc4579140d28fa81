/** What the value routes answer: stored values, the result of a write, and a value's audited history. */
import { z } from 'zod';

export const StoredValueSchema = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    period: z.string(),
    value: z.number(),
    comment: z.string().nullable(),
    source: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string().describe('ISO 8601, UTC'),
    isDemo: z.boolean(),
    version: z.number().int().describe('What If-Match names to change it'),
  })
  .meta({ id: 'StoredValue' });

/** What a 412 on a value write names as `current`: the value stored now (all null and version 0 when none is). */
export const CurrentValueSchema = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    period: z.string(),
    value: z.number().nullable(),
    comment: z.string().nullable(),
    version: z.number().int(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'CurrentValue' });
export type CurrentValue = z.output<typeof CurrentValueSchema>;

export const WriteSummarySchema = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    deleted: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'WriteSummary' });

export const ValueWriteSchema = WriteSummarySchema.extend({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  version: z.number().int().nullable().describe('The stored value’s version after the write; null once deleted'),
}).meta({ id: 'ValueWrite' });

export const BatchWriteSchema = WriteSummarySchema.extend({
  received: z.number().int().describe('How many values the request held'),
}).meta({ id: 'BatchWrite' });

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().describe('ISO 8601 UTC with milliseconds'),
    actor: z.string(),
    requestId: z.string().nullable(),
    action: z.string().describe("'value.insert', 'value.update', 'approval.approve', …"),
    entity: z.string(),
    entityKey: z.record(z.string(), z.unknown()),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
