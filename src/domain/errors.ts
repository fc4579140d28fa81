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
/** Larger than the server reads (bytes, rows, columns, a cell's text): 413. An Invalid, to code that catches those. */
export class TooLarge extends Invalid {}
/** Not a kind of file the server reads, whatever its name says: 415. An Invalid, to code that catches those. */
export class UnsupportedType extends Invalid {}
export class Conflict extends DomainError {}
/** Not signed in (or the credentials are wrong): 401. */
export class Unauthorized extends DomainError {}
/** Signed in, but the permission table or the user's units do not allow it: 403. */
export class Forbidden extends DomainError {}
/** The version the client read is no longer the stored one: 412, with what is stored now. */
export class PreconditionFailed extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly current: unknown,
    details?: readonly FieldError[],
    params?: MessageParams,
  ) {
    super(code, message, details, params);
  }
}
/** Too many attempts: 429 with the seconds to wait. */
export class TooManyRequests extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
    params?: MessageParams,
  ) {
    super(code, message, undefined, params);
  }
}
/** The server is busy with as much of this work as it takes at once: 503 with the seconds to wait. */
export class Unavailable extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
    params?: MessageParams,
  ) {
    super(code, message, undefined, params);
  }
}
