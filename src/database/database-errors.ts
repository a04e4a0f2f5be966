import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): DriverError | undefined {
  return error instanceof QueryFailedError ? (error.driverError as DriverError) : undefined;
}

/** A unique index refused the write; `constraint` names which one. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = driverError(error);
  return cause?.code === '23505' && cause.constraint === constraint;
}

/**
 * A foreign key refused the write: the row is still referenced (23503, or 23001 for an
 * ON DELETE RESTRICT key), or it points at nothing.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === '23503' || code === '23001';
}

/** A CHECK constraint refused the write; `constraint` names which one. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const cause = driverError(error);
  return cause?.code === '23514' && cause.constraint === constraint;
}

/** A lock was not granted within `lock_timeout` (55P03). */
export function isLockTimeout(error: unknown): boolean {
  return driverError(error)?.code === '55P03';
}
