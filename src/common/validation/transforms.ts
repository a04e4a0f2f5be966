import type { TransformFnParams } from 'class-transformer';

/** Trims strings and leaves anything else for the validators to reject. */
export const trimmed = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Query strings carry text: "true"/"false" become booleans, anything else stays to be rejected. */
export const booleanFromQuery = ({ value }: TransformFnParams): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
