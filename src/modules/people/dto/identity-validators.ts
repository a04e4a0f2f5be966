import { ValidateBy, type ValidationOptions } from 'class-validator';
import type { FieldCheck } from '../domain/field-check';
import { parseNip } from '../domain/nip';
import { normalizePhone } from '../domain/phone';

/** Turns a domain field check into a class-validator decorator whose message is the check's. */
function checkedBy<T>(
  name: string,
  check: (value: string) => FieldCheck<T>,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && check(value).valid,
        defaultMessage: (args) => {
          if (typeof args?.value !== 'string') return `${args?.property ?? name} must be a string`;
          const result = check(args.value);
          return result.valid ? '' : result.message;
        },
      },
    },
    options,
  );
}

/** An 18-digit NIP whose birth date, appointment, sex digit and sequence make sense. */
export const IsNip = (options?: ValidationOptions): PropertyDecorator =>
  checkedBy('isNip', (value) => parseNip(value), options);

/** A phone number that normalizes to E.164 (Indonesian numbers may start with 0). */
export const IsPhone = (options?: ValidationOptions): PropertyDecorator =>
  checkedBy('isPhone', (value) => normalizePhone(value), options);
