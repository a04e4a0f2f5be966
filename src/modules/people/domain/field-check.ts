/** The outcome of checking one field: its parsed value, or why it is wrong (a sentence for a 400 problem). */
export type FieldCheck<T> = { valid: true; value: T } | { valid: false; message: string };

/** Builds the success case, so callers need not spell out the discriminant. */
export function validField<T>(value: T): FieldCheck<T> {
  return { valid: true, value };
}

/** Builds the failure case; the message should start with the field's name so a 400 can name it. */
export function invalidField<T = never>(message: string): FieldCheck<T> {
  return { valid: false, message };
}

/** Formats a date as ISO `YYYY-MM-DD`, the form the API uses for dates without a time. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
