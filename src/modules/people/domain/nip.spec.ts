import fc from 'fast-check';
import { type NipInfo, type NipKind, parseNip } from './nip';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An oracle independent of the code under test: does the JavaScript calendar agree the day exists? */
function calendarHasDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

describe(parseNip.name, () => {
  it.each<[string, string, NipKind, NipInfo]>([
    [
      'the reference NIP',
      '198609262015051001',
      'PNS',
      {
        nip: '198609262015051001',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'it is written in groups with spaces',
      '19860926 201505 1 001',
      'PNS',
      {
        nip: '198609262015051001',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'male',
        sequence: 1,
      },
    ],
    [
      'it is padded with tabs and a no-break space',
      '\t19860926\u00a0201505 2 017 ',
      'PNS',
      {
        nip: '198609262015052017',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        sex: 'female',
        sequence: 17,
      },
    ],
    [
      'the birth date is 29 February of a leap year',
      '198802292010012002',
      'PNS',
      {
        nip: '198802292010012002',
        birthDate: '1988-02-29',
        appointment: '2010-01',
        sex: 'female',
        sequence: 2,
      },
    ],
    [
      'the birth date is 29 February 2000 (divisible by 400, so leap)',
      '200002292020121999',
      'PNS',
      {
        nip: '200002292020121999',
        birthDate: '2000-02-29',
        appointment: '2020-12',
        sex: 'male',
        sequence: 999,
      },
    ],
    [
      'the first appointment is exactly 17 years after the birth month',
      '199005312007051010',
      'PNS',
      {
        nip: '199005312007051010',
        birthDate: '1990-05-31',
        appointment: '2007-05',
        sex: 'male',
        sequence: 10,
      },
    ],
    [
      'a PPPK number holds no appointment month in digits 9–14',
      '198501012021212001',
      'PPPK',
      {
        nip: '198501012021212001',
        birthDate: '1985-01-01',
        appointment: null,
        sex: 'female',
        sequence: 1,
      },
    ],
    [
      'a PPPK number has zeros in digits 9–14',
      '198501010000001123',
      'PPPK',
      {
        nip: '198501010000001123',
        birthDate: '1985-01-01',
        appointment: null,
        sex: 'male',
        sequence: 123,
      },
    ],
  ])('should accept the NIP when %s', (_case, input, kind, expected) => {
    expect(parseNip(input, kind)).toEqual({ valid: true, value: expected });
  });

  it.each<[string, string, NipKind, string]>([
    ['it is empty', '', 'PNS', 'nip must be 18 digits, not 0'],
    ['it has 17 digits', '19860926201505100', 'PNS', 'nip must be 18 digits, not 17'],
    ['it has 19 digits', '1986092620150510011', 'PNS', 'nip must be 18 digits, not 19'],
    [
      'it is written with dashes',
      '19860926-201505-1-001',
      'PNS',
      'nip may hold only digits and spaces, not "-"',
    ],
    [
      'it has a letter O for a zero',
      '1986O9262015051001',
      'PNS',
      'nip may hold only digits and spaces, not "O"',
    ],
    [
      'it has non-ASCII digits',
      '١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١',
      'PNS',
      'nip may hold only digits and spaces, not "١"',
    ],
    [
      'the birth date is 29 February 1985 (not a leap year)',
      '198502292010011001',
      'PNS',
      'nip holds birth date 1985-02-29, which is not a real date',
    ],
    [
      'the birth date is 29 February 1900 (divisible by 100, so not leap)',
      '190002291920011001',
      'PNS',
      'nip holds birth date 1900-02-29, which is not a real date',
    ],
    [
      'the birth date is 30 February',
      '198602302010011001',
      'PNS',
      'nip holds birth date 1986-02-30, which is not a real date',
    ],
    [
      'the birth date is 31 April',
      '198604312010011001',
      'PNS',
      'nip holds birth date 1986-04-31, which is not a real date',
    ],
    [
      'the birth month is 13',
      '198613012010011001',
      'PNS',
      'nip holds birth date 1986-13-01, which is not a real date',
    ],
    [
      'the birth month is 00',
      '198600012010011001',
      'PNS',
      'nip holds birth date 1986-00-01, which is not a real date',
    ],
    [
      'the birth day is 00',
      '198609002010011001',
      'PNS',
      'nip holds birth date 1986-09-00, which is not a real date',
    ],
    [
      'the appointment month is 13',
      '198609262015131001',
      'PNS',
      'nip holds first appointment 2015-13, which is not a real month',
    ],
    [
      'the appointment month is 00',
      '198609262015001001',
      'PNS',
      'nip holds first appointment 2015-00, which is not a real month',
    ],
    [
      'the appointment is one month before age 17',
      '198609262003081001',
      'PNS',
      'nip holds first appointment 2003-08, less than 17 years after birth in 1986-09',
    ],
    [
      'the appointment is before birth',
      '198609261980011001',
      'PNS',
      'nip holds first appointment 1980-01, less than 17 years after birth in 1986-09',
    ],
    [
      'a PPPK number is read as a PNS one',
      '198501012021212001',
      'PNS',
      'nip holds first appointment 2021-21, which is not a real month',
    ],
    [
      'the sex digit is 3',
      '198609262015053001',
      'PNS',
      'nip holds sex digit 3, which must be 1 (male) or 2 (female)',
    ],
    [
      'the sex digit is 0',
      '198609262015050001',
      'PNS',
      'nip holds sex digit 0, which must be 1 (male) or 2 (female)',
    ],
    [
      'the sequence is 000',
      '198609262015051000',
      'PNS',
      'nip holds sequence 000, which must be 001 to 999',
    ],
    [
      'a PPPK birth date is 29 February 1985',
      '198502292021211001',
      'PPPK',
      'nip holds birth date 1985-02-29, which is not a real date',
    ],
    [
      'a PPPK sex digit is 9',
      '198501012021219001',
      'PPPK',
      'nip holds sex digit 9, which must be 1 (male) or 2 (female)',
    ],
    [
      'a PPPK sequence is 000',
      '198501012021211000',
      'PPPK',
      'nip holds sequence 000, which must be 001 to 999',
    ],
  ])('should refuse the NIP when %s', (_case, input, kind, message) => {
    expect(parseNip(input, kind)).toEqual({ valid: false, message });
  });

  it('should read the NIP as a PNS one when no kind is given', () => {
    expect(parseNip('198501012021212001')).toEqual(parseNip('198501012021212001', 'PNS'));
  });

  it('should give back every part when the NIP is built from a valid date, appointment, sex and sequence', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1940-01-01T00:00:00Z'),
          max: new Date('2010-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 17 * 12, max: 50 * 12 }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 1, max: 999 }),
        fc.boolean(),
        (birth, monthsLater, sex, sequence, spaced) => {
          const year = birth.getUTCFullYear();
          const month = birth.getUTCMonth() + 1;
          const day = birth.getUTCDate();
          const appointmentIndex = year * 12 + (month - 1) + monthsLater;
          const appointmentYear = Math.floor(appointmentIndex / 12);
          const appointmentMonth = (appointmentIndex % 12) + 1;
          const groups = [
            `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}`,
            `${pad(appointmentYear, 4)}${pad(appointmentMonth, 2)}`,
            sex === 'male' ? '1' : '2',
            pad(sequence, 3),
          ];

          const result = parseNip(groups.join(spaced ? ' ' : ''));

          expect(result).toEqual({
            valid: true,
            value: {
              nip: groups.join(''),
              birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
              appointment: `${pad(appointmentYear, 4)}-${pad(appointmentMonth, 2)}`,
              sex,
              sequence,
            },
          });
        },
      ),
    );
  });

  it('should accept the birth date exactly when the JavaScript calendar has that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const nip = `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}000000` + '1001';
          expect(parseNip(nip, 'PPPK').valid).toBe(calendarHasDay(year, month, day));
        },
      ),
    );
  });

  it('should refuse the NIP when the appointment month is less than 17 years after the birth month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1940, max: 2010 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -30 * 12, max: 17 * 12 - 1 }),
        (year, month, monthsLater) => {
          const index = year * 12 + (month - 1) + monthsLater;
          const nip = `${pad(year, 4)}${pad(month, 2)}01${pad(Math.floor(index / 12), 4)}${pad((index % 12) + 1, 2)}1001`;
          const result = parseNip(nip);
          expect(result.valid).toBe(false);
          expect(!result.valid && result.message).toContain('less than 17 years after birth');
        },
      ),
    );
  });

  it('should refuse the NIP when any of its 18 characters is not a digit', () => {
    const anyEighteen = fc
      .string({ unit: 'binary', minLength: 18, maxLength: 18 })
      .filter((s) => /[^0-9]/.test(s));
    const seventeenDigitsAndOneOther = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => /[^0-9]/.test(c)),
        fc.integer({ min: 0, max: 17 }),
      )
      .map(([digits, other, at]) => digits.slice(0, at) + other + digits.slice(at));
    fc.assert(
      fc.property(
        fc.oneof(anyEighteen, seventeenDigitsAndOneOther),
        fc.constantFrom<NipKind>('PNS', 'PPPK'),
        (input, kind) => {
          expect(parseNip(input, kind).valid).toBe(false);
        },
      ),
    );
  });

  it('should name the field at the start of every message when the NIP is refused', () => {
    const nipLike = fc.string({
      unit: fc.constantFrom(...'0123456789 -'),
      minLength: 0,
      maxLength: 22,
    });
    fc.assert(
      fc.property(
        fc.oneof(nipLike, fc.string()),
        fc.constantFrom<NipKind>('PNS', 'PPPK'),
        (input, kind) => {
          const result = parseNip(input, kind);
          if (!result.valid) {
            expect(result.message).toMatch(/^nip /);
          }
        },
      ),
    );
  });
});
