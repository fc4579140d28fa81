import type { z } from 'zod';

/**
 * True when a response schema's output and what a handler returns are each assignable to the other: the schema
 * then names every required field the handler gives (the serialiser strips fields a schema leaves out).
 */
export type SchemaFits<Schema extends z.ZodType, Result> = [Result] extends [z.output<Schema>]
  ? [z.output<Schema>] extends [Result]
    ? true
    : false
  : false;

/** Fails to compile unless given `true`: `schemaFits<SchemaFits<typeof X, Y>>()`. */
export function schemaFits<_Fits extends true>(): void {}
