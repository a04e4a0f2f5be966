import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoTimestamp, isValidTimeZone } from './zoned-time';

/**
 * An ISO 8601 date and time. With `offset: 'optional'` a timestamp without an offset is allowed
 * and means a local time in the event's zone.
 */
export function IsIsoTimestamp(
  offset: 'optional' | 'required',
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoTimestamp',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoTimestamp(value, offset),
        defaultMessage: () =>
          offset === 'required'
            ? `$property must be an ISO 8601 date and time with an offset, such as 2022-06-01T08:00:00+07:00`
            : `$property must be an ISO 8601 date and time, with an offset or in the event's local time, such as 2022-06-28T19:00 or 2022-06-28T19:00:00+07:00`,
      },
    },
    options,
  );
}

/** An IANA time zone name such as `Asia/Jakarta`. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value),
        defaultMessage: () =>
          `$property must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura`,
      },
    },
    options,
  );
}
