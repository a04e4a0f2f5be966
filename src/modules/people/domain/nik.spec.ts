import fc from 'fast-check';
import { NIK_PROVINCE_CODES, type NikInfo, parseNik } from './nik';

/** A fixed day, so that the century inference is deterministic. */
const TODAY = '2025-06-15';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// prettier-ignore
const CURRENT_PROVINCES = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36',
  '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82',
  '91', '92', '93', '94', '95', '96',
];

describe(parseNik.name, () => {
  it.each<[string, string, NikInfo]>([
    [
      'a man was born on 25 May 1990',
      '3273012505900001',
      {
        nik: '3273012505900001',
        regionCode: '32.73.01',
        provinceCode: '32',
        birthDate: '1990-05-25',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'it is written in groups with spaces',
      '3273 0125 0590 0001',
      {
        nik: '3273012505900001',
        regionCode: '32.73.01',
        provinceCode: '32',
        birthDate: '1990-05-25',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'a woman was born on day 1 (day 41)',
      '3515144108680002',
      {
        nik: '3515144108680002',
        regionCode: '35.15.14',
        provinceCode: '35',
        birthDate: '1968-08-01',
        sex: 'female',
        sequence: 2,
      },
    ],
    [
      'a woman was born on day 31 (day 71)',
      '3515147112999999',
      {
        nik: '3515147112999999',
        regionCode: '35.15.14',
        provinceCode: '35',
        birthDate: '1999-12-31',
        sex: 'female',
        sequence: 9999,
      },
    ],
    [
      'a woman was born on 29 February 2000 (day 69)',
      '3201016902000001',
      {
        nik: '3201016902000001',
        regionCode: '32.01.01',
        provinceCode: '32',
        birthDate: '2000-02-29',
        sex: 'female',
        sequence: 1,
      },
    ],
    [
      'it carries the historical code 54 of Timor Timur',
      '5401011203750001',
      {
        nik: '5401011203750001',
        regionCode: '54.01.01',
        provinceCode: '54',
        birthDate: '1975-03-12',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'it carries the pre-2022 Papua code 94',
      '9471021707820003',
      {
        nik: '9471021707820003',
        regionCode: '94.71.02',
        provinceCode: '94',
        birthDate: '1982-07-17',
        sex: 'male',
        sequence: 3,
      },
    ],
    [
      'the year 25 is not after today’s year, so 2025',
      '3201010101250001',
      {
        nik: '3201010101250001',
        regionCode: '32.01.01',
        provinceCode: '32',
        birthDate: '2025-01-01',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'the birth date is today',
      '3201015506250001',
      {
        nik: '3201015506250001',
        regionCode: '32.01.01',
        provinceCode: '32',
        birthDate: '2025-06-15',
        sex: 'female',
        sequence: 1,
      },
    ],
    [
      'the year 26 would be after today’s year, so 1926',
      '3201010101260001',
      {
        nik: '3201010101260001',
        regionCode: '32.01.01',
        provinceCode: '32',
        birthDate: '1926-01-01',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'the year 00 is 2000',
      '3201010101000001',
      {
        nik: '3201010101000001',
        regionCode: '32.01.01',
        provinceCode: '32',
        birthDate: '2000-01-01',
        sex: 'male',
        sequence: 1,
      },
    ],
  ])('should accept the NIK when %s', (_case, input, expected) => {
    expect(parseNik(input, TODAY)).toEqual({ valid: true, value: expected });
  });

  it.each<[string, string, string]>([
    ['it is empty', '', 'nik must be 16 digits, not 0'],
    ['it has 15 digits', '327301250590001', 'nik must be 16 digits, not 15'],
    ['it has 18 digits (a NIP)', '198609262015051001', 'nik must be 16 digits, not 18'],
    [
      'it is written with dots',
      '32.73.01.250590.0001',
      'nik may hold only digits and spaces, not "."',
    ],
    ['it has a letter', '327301250590000l', 'nik may hold only digits and spaces, not "l"'],
    [
      'the province is an unknown 99',
      '9901012505900001',
      'nik holds province code 99, which is not a known province',
    ],
    [
      'the province is 00',
      '0001012505900001',
      'nik holds province code 00, which is not a known province',
    ],
    [
      'the province is 20, between Sumatra and Java',
      '2001012505900001',
      'nik holds province code 20, which is not a known province',
    ],
    [
      'the province is 97, after Papua Barat Daya',
      '9701012505900001',
      'nik holds province code 97, which is not a known province',
    ],
    [
      'the kabupaten/kota is 00',
      '3200012505900001',
      'nik holds kabupaten/kota code 00, which must be 01 to 99',
    ],
    [
      'the kecamatan is 00',
      '3201002505900001',
      'nik holds kecamatan code 00, which must be 01 to 99',
    ],
    [
      'the day is 00',
      '3201010005900001',
      'nik holds birth day 00, which must be 01 to 31, or 41 to 71 for a woman',
    ],
    [
      'the day is 32',
      '3201013205900001',
      'nik holds birth day 32, which must be 01 to 31, or 41 to 71 for a woman',
    ],
    [
      'the day is 40 (a woman’s day 0)',
      '3201014005900001',
      'nik holds birth day 40, which must be 01 to 31, or 41 to 71 for a woman',
    ],
    [
      'the day is 72',
      '3201017205900001',
      'nik holds birth day 72, which must be 01 to 31, or 41 to 71 for a woman',
    ],
    [
      'a woman’s day 70 falls in February (30 February)',
      '3201017002900001',
      'nik holds birth date 1990-02-30, which is not a real date',
    ],
    [
      'a man was born on 29 February 1985',
      '3201012902850001',
      'nik holds birth date 1985-02-29, which is not a real date',
    ],
    [
      'a woman was born on 29 February 2001 (day 69)',
      '3201016902010001',
      'nik holds birth date 2001-02-29, which is not a real date',
    ],
    [
      'the month is 13',
      '3201012513900001',
      'nik holds birth date 1990-13-25, which is not a real date',
    ],
    [
      'the month is 00',
      '3201012500900001',
      'nik holds birth date 1990-00-25, which is not a real date',
    ],
    [
      'the birth date is later this year',
      '3201011507250001',
      'nik holds birth date 2025-07-15, which is after today (2025-06-15)',
    ],
    [
      'the sequence is 0000',
      '3201012505900000',
      'nik holds sequence 0000, which must be 0001 to 9999',
    ],
  ])('should refuse the NIK when %s', (_case, input, message) => {
    expect(parseNik(input, TODAY)).toEqual({ valid: false, message });
  });

  it.each(['', '2025-6-15', '2025-02-30', '15-06-2025', 'today'])(
    'should throw when today is %j, not a YYYY-MM-DD date',
    (today) => {
      expect(() => parseNik('3273012505900001', today)).toThrow(RangeError);
    },
  );

  it('should know the 38 current province codes and Timor Timur', () => {
    expect(Object.keys(NIK_PROVINCE_CODES).sort()).toEqual([...CURRENT_PROVINCES, '54'].sort());
  });

  it('should give back the same birth date and region when a woman’s day is a man’s day plus 40', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(NIK_PROVINCE_CODES)),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        // The two-digit year only round-trips inside the hundred years that end today.
        fc.date({
          min: new Date('1926-01-01T00:00:00Z'),
          max: new Date(`${TODAY}T00:00:00Z`),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 9999 }),
        (province, kabupaten, kecamatan, birth, sequence) => {
          const region = `${province}${pad(kabupaten, 2)}${pad(kecamatan, 2)}`;
          const day = birth.getUTCDate();
          const monthYear = `${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCFullYear() % 100, 2)}`;
          const man = `${region}${pad(day, 2)}${monthYear}${pad(sequence, 4)}`;
          const woman = `${region}${pad(day + 40, 2)}${monthYear}${pad(sequence, 4)}`;
          const expected = {
            regionCode: `${province}.${pad(kabupaten, 2)}.${pad(kecamatan, 2)}`,
            provinceCode: province,
            birthDate: birth.toISOString().slice(0, 10),
            sequence,
          };

          expect(parseNik(man, TODAY)).toEqual({
            valid: true,
            value: { ...expected, nik: man, sex: 'male' },
          });
          expect(parseNik(woman, TODAY)).toEqual({
            valid: true,
            value: { ...expected, nik: woman, sex: 'female' },
          });
        },
      ),
    );
  });

  it('should put the birth year within the hundred years up to today’s year when the date is 1 January', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.date({
          min: new Date('1950-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (yy, todayDate) => {
          const today = todayDate.toISOString().slice(0, 10);
          const todayYear = todayDate.getUTCFullYear();
          const result = parseNik(`32010101 01${pad(yy, 2)}0001`, today);
          expect(result.valid).toBe(true);
          const year = result.valid ? Number(result.value.birthDate.slice(0, 4)) : NaN;
          expect(year % 100).toBe(yy);
          expect(year).toBeLessThanOrEqual(todayYear);
          expect(year).toBeGreaterThan(todayYear - 100);
        },
      ),
    );
  });

  it('should refuse the NIK when any of its 16 characters is not a digit', () => {
    const anySixteen = fc
      .string({ unit: 'binary', minLength: 16, maxLength: 16 })
      .filter((s) => /[^0-9]/.test(s));
    const fifteenDigitsAndOneOther = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => /[^0-9]/.test(c)),
        fc.integer({ min: 0, max: 15 }),
      )
      .map(([digits, other, at]) => digits.slice(0, at) + other + digits.slice(at));
    fc.assert(
      fc.property(fc.oneof(anySixteen, fifteenDigitsAndOneOther), (input) => {
        expect(parseNik(input, TODAY).valid).toBe(false);
      }),
    );
  });

  it('should refuse the NIK when its province code is not in the list', () => {
    const unknown = Array.from({ length: 100 }, (_, i) => pad(i, 2)).filter(
      (code) => !Object.hasOwn(NIK_PROVINCE_CODES, code),
    );
    fc.assert(
      fc.property(fc.constantFrom(...unknown), (province) => {
        expect(parseNik(`${province}01012505900001`, TODAY)).toEqual({
          valid: false,
          message: `nik holds province code ${province}, which is not a known province`,
        });
      }),
    );
  });

  it('should name the field at the start of every message when the NIK is refused', () => {
    const nikLike = fc.string({
      unit: fc.constantFrom(...'0123456789 .'),
      minLength: 0,
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.oneof(nikLike, fc.string()), (input) => {
        const result = parseNik(input, TODAY);
        if (!result.valid) {
          expect(result.message).toMatch(/^nik /);
        }
      }),
    );
  });
});
