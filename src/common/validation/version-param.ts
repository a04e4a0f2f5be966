import { Param, ParseIntPipe } from '@nestjs/common';
import { RequestValidationError } from '../problem/problem-details';

/** A path parameter that must be a positive whole number; anything else is a 400 naming it. */
export const PositiveIntParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseIntPipe({
      exceptionFactory: () => invalid(name),
    }),
    {
      transform: (value: number) => {
        if (value < 1 || value > 2_147_483_647) throw invalid(name);
        return value;
      },
    },
  );

function invalid(name: string): RequestValidationError {
  return new RequestValidationError([
    { field: name, message: `${name} must be a whole number from 1` },
  ]);
}
