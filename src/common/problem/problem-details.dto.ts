/** A field that failed validation. */
export class FieldErrorDto {
  /** The field's path in the request. @example "email" */
  field!: string;
  /** What is wrong with it. @example "email must be an email" */
  message!: string;
}

/** An error, as RFC 9457 application/problem+json. */
export class ProblemDetailsDto {
  /** A URI naming the kind of problem. @example "urn:rakor:problem:validation-failed" */
  type!: string;
  /** A short summary of the kind of problem. @example "Invalid request" */
  title!: string;
  /** The HTTP status code. @example 400 */
  status!: number;
  /** What went wrong with this request. @example "One field is invalid: email" */
  detail!: string;
  /** A stable machine-readable code. @example "VALIDATION_FAILED" */
  code!: string;
  /** The request path. @example "/api/v1/users" */
  instance!: string;
  /** The request id, also sent as the X-Request-Id header. @example "5f0c6a1e-3b7d-4a53-9b0e-2a1f4c8d9e10" */
  requestId!: string;
  /** The fields that failed validation, for a 400. */
  errors?: FieldErrorDto[];
}
