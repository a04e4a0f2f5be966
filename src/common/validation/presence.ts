import { ValidateIf } from 'class-validator';

/**
 * For fields a PATCH may leave out but not clear: absent skips validation, while null goes on to
 * the validators below and is refused as the wrong type. (`@IsOptional()` would let null through.)
 */
export const IsOptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
