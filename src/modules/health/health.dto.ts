/** The state of one check. */
export class HealthCheckStateDto {
  /** @example "up" */
  status!: string;
  /** Why a check is down. */
  message?: string;
}

/** The result of a health probe. */
export class HealthDto {
  /** @example "ok" */
  status!: string;
  /** Every check by name, such as `database` and `migrations`. */
  details!: Record<string, HealthCheckStateDto>;
  info?: Record<string, HealthCheckStateDto>;
  error?: Record<string, HealthCheckStateDto>;
}
