import fc from 'fast-check';
import { type CountryCode } from 'libphonenumber-js/max';
import { maskPhone, normalizePhone } from './phone';

// prettier-ignore
const INDONESIAN_MOBILE_PREFIXES = [
  '0811', '0812', '0813', '0821', '0822', '0823', '0851', '0852', '0853', '0855', '0856', '0857',
  '0858', '0859', '0877', '0878', '0881', '0882', '0887', '0888', '0895', '0896', '0897', '0898',
];

/** Indonesian mobile numbers as people type them: 0812…, 62812…, +62 812…, with assorted separators. */
const indonesianMobile = fc
  .tuple(
    fc.constantFrom(...INDONESIAN_MOBILE_PREFIXES),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 9 }),
    fc.constantFrom('0', '62', '+62', '+62 '),
    fc.constantFrom('', ' ', '-', '.'),
  )
  .map(([prefix, rest, lead, separator]) => {
    const national = `${prefix.slice(1)}${rest}`;
    const grouped = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].join(separator);
    return `${lead}${grouped}`;
  });

describe(normalizePhone.name, () => {
  it.each<[string, string, CountryCode | undefined, string]>([
    ['it is written with dashes', '0812-3456-7890', undefined, '+6281234567890'],
    ['it is written without separators', '081234567890', undefined, '+6281234567890'],
    ['it starts with 62 and no plus', '6281234567890', undefined, '+6281234567890'],
    ['it starts with 62 and has spaces', '62812 3456 7890', undefined, '+6281234567890'],
    ['it starts with +62 and has spaces', '+62 812 3456 7890', undefined, '+6281234567890'],
    ['it keeps the trunk 0 in parentheses', '+62 (0) 812 3456 7890', undefined, '+6281234567890'],
    ['it is written with dots', '0812.3456.7890', undefined, '+6281234567890'],
    ['it has spaces around it', '  0812 3456 7890  ', undefined, '+6281234567890'],
    ['it is already E.164', '+6281234567890', undefined, '+6281234567890'],
    ['it is a Jakarta landline with its area code', '(021) 5550123', undefined, '+62215550123'],
    ['it is a foreign number with a plus', '+1 202 555 0143', undefined, '+12025550143'],
    ['it is a British number with a plus', '+44 20 7946 0958', undefined, '+442079460958'],
    [
      'it is an Indonesian number and the default is Britain',
      '+62 812 3456 7890',
      'GB',
      '+6281234567890',
    ],
    [
      'it is a national US number and the default is the US',
      '(202) 555-0143',
      'US',
      '+12025550143',
    ],
  ])('should give E.164 when %s', (_case, input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ valid: true, value: expected });
  });

  const NOT_A_NUMBER =
    'phone is not a valid number; write it like 0812-3456-7890, or with its country code like +62 812 3456 7890';
  const BAD_CHARACTERS =
    'phone may hold only digits, spaces, dashes, dots, slashes, parentheses and a leading +';

  it.each<[string, string, string]>([
    ['it is empty', '', 'phone must not be empty'],
    ['it is blank', '   ', 'phone must not be empty'],
    ['it is a word', 'abc', BAD_CHARACTERS],
    ['it is inside a sentence', 'call 0812-3456-7890', BAD_CHARACTERS],
    ['it has an extension', '0812-3456-7890 ext 5', BAD_CHARACTERS],
    ['it has a plus in the middle', '0812+3456-7890', BAD_CHARACTERS],
    ['it is a tel: link', 'tel:+6281234567890', BAD_CHARACTERS],
    ['it is too short', '08123', NOT_A_NUMBER],
    ['it is only the country code', '+62', NOT_A_NUMBER],
    ['it is too long', '0812345678901234', NOT_A_NUMBER],
    ['its country code does not exist', '+999 123 456 789', NOT_A_NUMBER],
    ['it is the international prefix 00 instead of a plus', '0062 812 3456 7890', NOT_A_NUMBER],
  ])('should refuse the phone when %s', (_case, input, message) => {
    expect(normalizePhone(input)).toEqual({ valid: false, message });
  });

  it('should accept every Indonesian mobile number however it is typed', () => {
    fc.assert(
      fc.property(indonesianMobile, (input) => {
        const result = normalizePhone(input);
        expect(result.valid && result.value).toMatch(/^\+628\d{8,11}$/);
      }),
    );
  });

  it('should give back its own output when given it again, whatever the default country', () => {
    fc.assert(
      fc.property(
        fc.oneof(indonesianMobile, fc.string({ unit: fc.constantFrom(...'0123456789 +-()') })),
        fc.constantFrom<CountryCode>('ID', 'US', 'GB', 'MY', 'SG', 'AU'),
        (input, country) => {
          const once = normalizePhone(input);
          if (once.valid) {
            expect(normalizePhone(once.value)).toEqual(once);
            expect(normalizePhone(once.value, country)).toEqual(once);
          }
        },
      ),
    );
  });

  it('should name the field at the start of every message when the phone is refused', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = normalizePhone(input);
        if (!result.valid) {
          expect(result.message).toMatch(/^phone /);
        }
      }),
    );
  });
});

describe(maskPhone.name, () => {
  it.each([
    ['an Indonesian mobile', '+6281234567890', '+62********890'],
    ['a Jakarta landline', '+62215550123', '+62******123'],
    ['a US number', '+12025550143', '+1*******143'],
    ['a British number', '+442079460958', '+44*******958'],
  ])(
    'should show the country code and the last 3 digits when the number is %s',
    (_case, e164, masked) => {
      expect(maskPhone(e164)).toBe(masked);
    },
  );

  it.each([
    ['a number with an unknown country code', '+999123456789', '+*********789'],
    ['digits without a plus', '81234567890', '********890'],
    ['three digits', '123', '***'],
    ['an empty string', '', ''],
  ])('should mask all but the last 3 digits when given %s', (_case, input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('should keep the length and reveal only the country code and last 3 digits when the number is normalized', () => {
    fc.assert(
      fc.property(indonesianMobile, (input) => {
        const normalized = normalizePhone(input);
        if (!normalized.valid) {
          throw new Error(`expected ${input} to be valid`);
        }
        const e164 = normalized.value;
        const masked = maskPhone(e164);
        expect(masked).toHaveLength(e164.length);
        expect(masked).toMatch(/^\+62\*+\d{3}$/);
        expect(masked.slice(-3)).toBe(e164.slice(-3));
      }),
    );
  });
});
