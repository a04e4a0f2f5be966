import fc from 'fast-check';
import { generateRegistrationCode, parseRegistrationCode } from './registration-code';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DISPLAY_FORM = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/;

/** A random source that hands out the given bytes, for codes the tests can predict. */
const bytes = (values: readonly number[]) => () => Buffer.from(values);
const tenBytes = fc.uint8Array({ minLength: 10, maxLength: 10 });

/** The 11 symbols of a code, without hyphens. */
const symbolsOf = (code: string) => code.replace(/-/g, '');
const withSymbols = (symbols: string) =>
  `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;

describe(generateRegistrationCode.name, () => {
  it('should show 11 Crockford symbols in groups of 4, 4 and 3 when random', () => {
    expect(generateRegistrationCode()).toMatch(DISPLAY_FORM);
  });

  it.each([
    ['zero bytes', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], '0000-0000-000'],
    ['bytes 1 to 10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], '1234-5678-9AB'],
    [
      'bytes above 31, read by their low 5 bits',
      [32, 33, 255, 0, 0, 0, 0, 0, 0, 0],
      '01Z0-0000-00Z',
    ],
  ])('should give the expected code when the random bytes are %s', (_case, values, code) => {
    expect(generateRegistrationCode(bytes(values))).toBe(code);
  });

  it('should throw when the random source gives fewer than 10 bytes', () => {
    expect(() => generateRegistrationCode(bytes([1, 2, 3]))).toThrow(RangeError);
  });

  it('should give different codes when called twice', () => {
    expect(generateRegistrationCode()).not.toBe(generateRegistrationCode());
  });

  it('should parse back to itself when generated from any bytes', () => {
    fc.assert(
      fc.property(tenBytes, (values) => {
        const code = generateRegistrationCode(bytes([...values]));
        expect(code).toMatch(DISPLAY_FORM);
        expect(parseRegistrationCode(code)).toBe(code);
      }),
    );
  });
});

describe(parseRegistrationCode.name, () => {
  it.each([
    ['the display form', '1234-5678-9AB', '1234-5678-9AB'],
    ['lower case', '1234-5678-9ab', '1234-5678-9AB'],
    ['no hyphens', '123456789AB', '1234-5678-9AB'],
    ['the example of the documentation, as dictated', '7k3m q9td 2xc', '7K3M-Q9TD-2XC'],
    ['en dashes', '1234–5678–9AB', '1234-5678-9AB'],
    ['spaces in other places', ' 12 345 678 9AB ', '1234-5678-9AB'],
    ['I for 1', 'I234-5678-9AB', '1234-5678-9AB'],
    ['a lower-case l for 1', 'l234-5678-9AB', '1234-5678-9AB'],
    ['O and o for 0', 'OoOO-0000-000', '0000-0000-000'],
  ])('should read %s', (_case, input, code) => {
    expect(parseRegistrationCode(input)).toBe(code);
  });

  it.each([
    ['a wrong check symbol', '1234-5678-9AD'],
    ['one symbol too few', '1234-5678-9A'],
    ['one symbol too many', '1234-5678-9ABB'],
    ['U, which Crockford leaves out', '1234-5678-9AU'],
    ["Crockford's mod 37 check symbols", '1234-5678-9A*'],
    ['punctuation other than hyphens', '1234.5678.9AB'],
    ['nothing', ''],
  ])('should refuse %s', (_case, input) => {
    expect(parseRegistrationCode(input)).toBeNull();
  });

  it('should refuse the code when any one symbol is mistyped', () => {
    fc.assert(
      fc.property(
        tenBytes,
        fc.nat(10),
        fc.integer({ min: 1, max: 31 }),
        (values, position, shift) => {
          const symbols = symbolsOf(generateRegistrationCode(bytes([...values])));
          const typed = ALPHABET.charAt((ALPHABET.indexOf(symbols.charAt(position)) + shift) % 32);
          const mistyped = symbols.slice(0, position) + typed + symbols.slice(position + 1);
          expect(parseRegistrationCode(withSymbols(mistyped))).toBeNull();
        },
      ),
    );
  });

  it('should refuse the code when two neighbours are swapped, unless they are 0 and Z', () => {
    fc.assert(
      fc.property(tenBytes, fc.nat(9), (values, position) => {
        const symbols = symbolsOf(generateRegistrationCode(bytes([...values])));
        const left = symbols.charAt(position);
        const right = symbols.charAt(position + 1);
        fc.pre(left !== right && `${left}${right}` !== '0Z' && `${left}${right}` !== 'Z0');
        const swapped = symbols.slice(0, position) + right + left + symbols.slice(position + 2);
        expect(parseRegistrationCode(withSymbols(swapped))).toBeNull();
      }),
    );
  });
});
