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

/**
 * Days in a month of the proleptic Gregorian calendar (month 1–12). NIP and NIK both carry birth
 * dates, and plain arithmetic keeps the check free of time zones and of a date library.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year-month-day names a day that exists, e.g. false for 1985-02-29 and 2024-13-01. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Formats a date as ISO `YYYY-MM-DD`, the form the API uses for dates without a time. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
