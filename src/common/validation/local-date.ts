import { Param } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { RequestValidationError } from '../problem/problem-details';
import { isRealDate } from '../time/calendar';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written YYYY-MM-DD that exists (no 30 February). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = SHAPE.exec(value);
  if (!match) return false;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Validates a local date such as `2022-06-28`, naming the field when it is not one. */
export const IsLocalDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: isLocalDate,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a real date as YYYY-MM-DD`,
      },
    },
    options,
  );

/** A path parameter that must be a local date, `YYYY-MM-DD`; anything else is a 400 naming it. */
export const LocalDateParam = (name: string): ParameterDecorator =>
  Param(name, {
    transform: (value: string) => {
      if (!isLocalDate(value)) {
        throw new RequestValidationError([
          { field: name, message: `${name} must be a real date as YYYY-MM-DD` },
        ]);
      }
      return value;
    },
  });
