import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/** Values a message is worded from, so that it can be rendered in either language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Errors the domain raises; server/problem.ts maps them to HTTP, the CLI to exit codes. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly FieldError[],
    readonly params?: MessageParams,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldError {
  /** Where: a query field, a JSON path, or 'file.csv row 12 column value'. */
  path: string;
  message: string;
}

export class NotFound extends DomainError {}
export class Invalid extends DomainError {}
export class Conflict extends DomainError {}
