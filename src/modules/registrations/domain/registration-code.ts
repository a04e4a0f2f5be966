import { randomBytes } from 'node:crypto';

/**
 * Crockford's base32 alphabet: digits and letters without I, L, O and U, so that a code read
 * aloud or copied from paper has no look-alikes (I/1, L/1, O/0) and spells no accidental words.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
/** 10 symbols of 5 bits: 50 random bits, out of reach of guessing at a rate-limited endpoint. */
const BODY_LENGTH = 10;
const CODE_LENGTH = BODY_LENGTH + 1;
/** Groups of 4, 4 and 3, like a phone number: short enough to hold in mind while typing. */
const GROUPS = [4, 4, 3] as const;
/** What Crockford decodes as a look-alike digit. */
const LOOK_ALIKES: Record<string, string> = { I: '1', L: '1', O: '0' };

/**
 * Generates a registration code: 10 random Crockford base32 symbols and one check symbol, shown
 * as `XXXX-XXXX-XXX` (e.g. `7K3M-Q9TD-2XC`). Each random byte gives one symbol through its low 5
 * bits, which is uniform because 256 is a multiple of 32. `random` is there for tests.
 */
export function generateRegistrationCode(random: (size: number) => Buffer = randomBytes): string {
  const body = Array.from(random(BODY_LENGTH).subarray(0, BODY_LENGTH), (byte) => byte % BASE);
  if (body.length !== BODY_LENGTH) {
    throw new RangeError(`random must give ${BODY_LENGTH} bytes, not ${body.length}`);
  }
  return display([...body, checkValue(body)]);
}

/**
 * Reads a code as a person typed it: any case, with or without hyphens (or the en dashes phone
 * keyboards turn them into) and spaces, I and L read as 1 and O as 0 as Crockford says. Returns
 * the code in its display form, or null when it has another symbol, the wrong length or a check
 * symbol that does not match (a typo).
 */
export function parseRegistrationCode(input: string): string | null {
  const symbols = input
    .toUpperCase()
    .replace(/[\s\p{Pd}]+/gu, '')
    .replace(/[ILO]/g, (letter) => LOOK_ALIKES[letter] ?? letter);
  if (symbols.length !== CODE_LENGTH) return null;
  const values = Array.from(symbols, (symbol) => ALPHABET.indexOf(symbol));
  if (values.some((value) => value < 0)) return null;
  const body = values.slice(0, BODY_LENGTH);
  return values[BODY_LENGTH] === checkValue(body) ? display(values) : null;
}

/**
 * The check symbol by the Luhn mod N algorithm with N = 32, instead of Crockford's mod 37:
 * mod 37 needs five extra symbols (`* ~ $ = U`) that are hard to say and to type on a phone,
 * while Luhn mod 32 stays inside the alphabet. It catches every single mistyped symbol and every
 * swap of two neighbours except 0 with Z.
 */
function checkValue(body: readonly number[]): number {
  let sum = 0;
  body.forEach((value, index) => {
    // From the right, the last body symbol is doubled, the one before it not, and so on.
    const doubled = (body.length - index) % 2 === 1;
    const product = doubled ? value * 2 : value;
    sum += Math.floor(product / BASE) + (product % BASE);
  });
  return (BASE - (sum % BASE)) % BASE;
}

function display(values: readonly number[]): string {
  const symbols = values.map((value) => ALPHABET.charAt(value)).join('');
  const groups: string[] = [];
  let start = 0;
  for (const length of GROUPS) {
    groups.push(symbols.slice(start, start + length));
    start += length;
  }
  return groups.join('-');
}
