import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type FieldCheck, invalidField, validField } from './field-check';

/** Digits with the separators people type, and a `+` only in front. */
const PHONE_CHARACTERS = /^\+?[0-9\s().\-/]+$/;
const DIGITS_SHOWN = 3;

/**
 * Normalizes a phone number to E.164 (`0812-3456-7890` → `+6281234567890`), so that the same
 * number typed two ways is stored once and a WhatsApp or SMS gateway can use it as is. Numbers
 * without a `+` are read in `defaultCountry`; `62812…` is understood as Indonesian too. The full
 * metadata (`libphonenumber-js/max`) checks the number really exists in its plan, not only its
 * length. Letters, extensions and surrounding text are refused rather than silently dropped.
 */
export function normalizePhone(
  input: string,
  defaultCountry: CountryCode = 'ID',
): FieldCheck<string> {
  const text = input.trim();
  if (text === '') {
    return invalidField('phone must not be empty');
  }
  if (!PHONE_CHARACTERS.test(text)) {
    return invalidField(
      'phone may hold only digits, spaces, dashes, dots, slashes, parentheses and a leading +',
    );
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (parsed === undefined || !parsed.isValid() || parsed.ext !== undefined) {
    return invalidField(
      'phone is not a valid number; write it like 0812-3456-7890, or with its country code like +62 812 3456 7890',
    );
  }
  return validField(parsed.number);
}

/**
 * Masks a phone number for lists and logs: `+`, the country calling code, one `*` per hidden
 * digit of the national number, then its last 3 digits. `+6281234567890` → `+62********890`,
 * `+12025550143` → `+1*******143`. Keeping the length lets a person recognise their own number.
 * A string that is not a parseable E.164 number has every digit but the last 3 masked, and a
 * national number of 3 digits or fewer is masked entirely.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (parsed === undefined) {
    const digits = e164.replace(/[^0-9]/g, '');
    return `${e164.trim().startsWith('+') ? '+' : ''}${maskAllButLast(digits)}`;
  }
  return `+${parsed.countryCallingCode}${maskAllButLast(parsed.nationalNumber)}`;
}

function maskAllButLast(digits: string): string {
  if (digits.length <= DIGITS_SHOWN) {
    return '*'.repeat(digits.length);
  }
  return '*'.repeat(digits.length - DIGITS_SHOWN) + digits.slice(-DIGITS_SHOWN);
}
