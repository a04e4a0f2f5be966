import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '../problem/problem-details';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new RequestValidationError([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
