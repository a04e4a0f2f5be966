/** What the HTTP layer needs to know about one error code. */
export interface ErrorSpec {
  status: 400 | 401 | 403 | 404 | 406 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 503;
  title: string;
}

/** A catalog of one module's error codes; `satisfies` keeps it exhaustive over the codes. */
export type ErrorCatalog<Code extends string> = Record<Code, ErrorSpec>;

export interface FieldError {
  /** The field's path in the request, such as `email` or `rooms[0].capacity`. */
  field: string;
  message: string;
}

/**
 * An error a service throws when a request cannot be carried out. Its code is stable and
 * documented; the status and title come from the module's catalog, never from the call site.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly status: ErrorSpec['status'];
  readonly title: string;

  constructor(
    readonly code: Code,
    spec: ErrorSpec,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Members added to the problem body, such as the conflicts that stopped a request. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.status = spec.status;
    this.title = spec.title;
  }
}
