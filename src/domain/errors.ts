/** Errors the domain raises; server/problem.ts maps them to HTTP, the CLI to exit codes. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: readonly FieldError[],
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
