import fc from 'fast-check';
import { DELEGATE_FIELDS, type DelegateField } from '../../events/domain/event-settings';
import {
  checkDelegateDetails,
  type DelegateCheck,
  type DelegateDetailsInput,
  EMPLOYMENT_TYPES,
  type NormalizedDelegate,
  PNS_GRADES,
  PPPK_GRADES,
} from './delegate-details';

const TODAY = '2022-06-28';
/** Born 1986-09-26, first appointed May 2015, a man. */
const PNS_NIP = '198609262015051001';
/** Born 1990-01-01, a PPPK since 2022, a woman. */
const PPPK_NIP = '199001012022212001';
/** Jakarta Timur, born 1986-09-26, a man: agrees with PNS_NIP. */
const NIK = '3171012609860001';

function buildDelegateInput(overrides: DelegateDetailsInput = {}): DelegateDetailsInput {
  return {
    titlesBefore: 'Dr.',
    name: 'Budi Santoso',
    titlesAfter: 'M.Si',
    employmentType: 'PNS',
    nip: PNS_NIP,
    rankGrade: 'III/c',
    position: 'Kepala Bagian Humas',
    workUnit: 'Biro Umum',
    email: 'budi.santoso@kemendagri.go.id',
    phone: '0812-3456-7890',
    nik: null,
    ...overrides,
  };
}

function details(check: DelegateCheck): NormalizedDelegate {
  if (!check.ok) throw new Error(`expected valid details, got ${JSON.stringify(check.problems)}`);
  return check.details;
}

function problemFields(check: DelegateCheck): string[] {
  return check.ok ? [] : check.problems.map((problem) => problem.field);
}

function warningCodes(check: DelegateCheck): string[] {
  return check.ok ? check.warnings.map((warning) => warning.code) : [];
}

describe(checkDelegateDetails.name, () => {
  it('should tidy every field when the details are valid', () => {
    const check = checkDelegateDetails(
      buildDelegateInput({
        titlesBefore: '  Dr.   Drs. ',
        name: ' Budi   Santoso ',
        employmentType: 'pns',
        nip: '19860926 201505 1 001',
        rankGrade: 'iii / c',
        email: ' Budi.Santoso@Kemendagri.go.id ',
        phone: '0812 3456 7890',
      }),
      ['position', 'phone'],
      TODAY,
    );

    expect(check).toEqual({
      ok: true,
      details: {
        titlesBefore: 'Dr. Drs.',
        name: 'Budi Santoso',
        titlesAfter: 'M.Si',
        employmentType: 'PNS',
        nip: PNS_NIP,
        rankGrade: 'III/c',
        position: 'Kepala Bagian Humas',
        workUnit: 'Biro Umum',
        email: 'budi.santoso@kemendagri.go.id',
        phone: '+6281234567890',
        nik: null,
      },
      warnings: [],
    });
  });

  it('should need only name and email when the event requires nothing else', () => {
    const check = checkDelegateDetails(
      { name: 'Siti Aminah', email: 'siti@example.id' },
      [],
      TODAY,
    );

    expect(details(check)).toEqual({
      titlesBefore: null,
      name: 'Siti Aminah',
      titlesAfter: null,
      employmentType: null,
      nip: null,
      rankGrade: null,
      position: null,
      workUnit: null,
      email: 'siti@example.id',
      phone: null,
      nik: null,
    });
  });

  it('should name every missing field at once when the event requires them all', () => {
    const check = checkDelegateDetails({ name: ' ', email: null }, DELEGATE_FIELDS, TODAY);

    expect(check).toEqual({
      ok: false,
      problems: [
        {
          field: 'titlesBefore',
          message: 'titlesBefore or titlesAfter is required for this event',
        },
        { field: 'name', message: 'name is required' },
        { field: 'employmentType', message: 'employmentType is required for this event' },
        { field: 'nip', message: 'nip is required for PNS and PPPK at this event' },
        { field: 'rankGrade', message: 'rankGrade is required for this event' },
        { field: 'position', message: 'position is required for this event' },
        { field: 'workUnit', message: 'workUnit is required for this event' },
        { field: 'email', message: 'email is required' },
        { field: 'phone', message: 'phone is required for this event' },
        { field: 'nik', message: 'nik is required for this event' },
      ],
    });
  });

  it.each<[string, DelegateDetailsInput, DelegateField[]]>([
    ['titles before alone meet "titles"', { titlesAfter: null }, ['titles']],
    ['titles after alone meet "titles"', { titlesBefore: null }, ['titles']],
    [
      'a TNI member needs no NIP',
      { employmentType: 'TNI', nip: null, rankGrade: 'Kolonel Inf' },
      ['nip'],
    ],
    [
      'a Polri member needs no NIP',
      { employmentType: 'Polri', nip: null, rankGrade: 'AKBP' },
      ['nip'],
    ],
    [
      'non-ASN need neither NIP nor rank',
      { employmentType: 'non-ASN', nip: null, rankGrade: null },
      ['nip', 'rankGrade'],
    ],
    ['the NIK is given when asked for', { nik: NIK }, ['nik']],
  ])('should accept the details when %s', (_case, overrides, required) => {
    expect(
      problemFields(checkDelegateDetails(buildDelegateInput(overrides), required, TODAY)),
    ).toEqual([]);
  });

  it.each<[string, DelegateDetailsInput, DelegateField[], string, string]>([
    [
      'no title when titles are required',
      { titlesBefore: ' ', titlesAfter: null },
      ['titles'],
      'titlesBefore',
      'titlesBefore or titlesAfter is required for this event',
    ],
    [
      'an unknown employment type',
      { employmentType: 'honorer' },
      [],
      'employmentType',
      'employmentType must be one of PNS, PPPK, TNI, Polri, non-ASN',
    ],
    [
      'a NIP without the employment type the event requires',
      { employmentType: ' ' },
      ['employmentType'],
      'employmentType',
      'employmentType is required for this event',
    ],
    [
      'a NIP without an employment type',
      { employmentType: null, rankGrade: null },
      [],
      'employmentType',
      'employmentType is required with a nip or rankGrade, to check them by',
    ],
    [
      'a NIP with an impossible birth date',
      { nip: '198602302015051001' },
      [],
      'nip',
      'nip holds birth date 1986-02-30, which is not a real date',
    ],
    [
      'a PPPK NIP read as a PNS one',
      { nip: PPPK_NIP },
      [],
      'nip',
      'nip holds first appointment 2022-21, which is not a real month',
    ],
    [
      'a NIP from a TNI member',
      { employmentType: 'TNI', rankGrade: 'Kolonel' },
      [],
      'nip',
      'nip is only for PNS and PPPK; leave it empty for TNI',
    ],
    [
      'a NIP from a non-ASN',
      { employmentType: 'Non ASN', rankGrade: null },
      [],
      'nip',
      'nip is only for PNS and PPPK; leave it empty for non-ASN',
    ],
    [
      'a PNS grade that does not exist',
      { rankGrade: 'III/e' },
      [],
      'rankGrade',
      'rankGrade must be a PNS golongan from I/a to IV/e, such as III/b',
    ],
    [
      'a PPPK golongan for a PNS',
      { rankGrade: 'IX' },
      [],
      'rankGrade',
      'rankGrade must be a PNS golongan from I/a to IV/e, such as III/b',
    ],
    [
      'a PNS grade for a PPPK',
      { employmentType: 'PPPK', nip: PPPK_NIP, rankGrade: 'III/b' },
      [],
      'rankGrade',
      'rankGrade must be a PPPK golongan from I to XVII',
    ],
    [
      'a PPPK golongan above XVII',
      { employmentType: 'PPPK', nip: PPPK_NIP, rankGrade: '18' },
      [],
      'rankGrade',
      'rankGrade must be a PPPK golongan from I to XVII',
    ],
    [
      'a rank from a non-ASN',
      { employmentType: 'non-ASN', nip: null, rankGrade: 'III/a' },
      [],
      'rankGrade',
      'rankGrade is only for PNS, PPPK, TNI and Polri; leave it empty for non-ASN',
    ],
    [
      'an email without a domain',
      { email: 'budi@' },
      [],
      'email',
      'email must be an email address, such as nama@kemendagri.go.id',
    ],
    [
      'a phone number with letters',
      { phone: '0812-CALL-ME' },
      [],
      'phone',
      'phone may hold only digits, spaces, dashes, dots, slashes, parentheses and a leading +',
    ],
    [
      'a NIK the event does not collect',
      { nik: NIK },
      [],
      'nik',
      'nik is not collected for this event; leave it empty',
    ],
    [
      'a NIK of the wrong length',
      { nik: '317101260986' },
      ['nik'],
      'nik',
      'nik must be 16 digits, not 12',
    ],
    [
      'a NIK born after today',
      { nik: '3171012812220001' },
      ['nik'],
      'nik',
      'nik holds birth date 2022-12-28, which is after today (2022-06-28)',
    ],
  ])('should refuse %s', (_case, overrides, required, field, message) => {
    expect(checkDelegateDetails(buildDelegateInput(overrides), required, TODAY)).toEqual({
      ok: false,
      problems: [{ field, message }],
    });
  });

  it.each<[string, DelegateDetailsInput, string]>([
    ['PNS golongan in capitals', { rankGrade: 'IV/E' }, 'IV/e'],
    ['PNS golongan with a dash', { rankGrade: 'ii-a' }, 'II/a'],
    ['PNS golongan run together', { rankGrade: 'IIId' }, 'III/d'],
    [
      'PPPK golongan in lower case',
      { employmentType: 'PPPK', nip: PPPK_NIP, rankGrade: ' ix ' },
      'IX',
    ],
    [
      'PPPK golongan in Arabic numerals',
      { employmentType: 'PPPK', nip: PPPK_NIP, rankGrade: '17' },
      'XVII',
    ],
    [
      'a TNI rank, kept as written',
      { employmentType: 'tni', nip: null, rankGrade: 'Kolonel  Inf' },
      'Kolonel Inf',
    ],
    [
      'a Polri rank, kept as written',
      { employmentType: 'POLRI', nip: null, rankGrade: 'Komisaris Besar Polisi' },
      'Komisaris Besar Polisi',
    ],
  ])('should read the rank of %s', (_case, overrides, rankGrade) => {
    expect(details(checkDelegateDetails(buildDelegateInput(overrides), [], TODAY)).rankGrade).toBe(
      rankGrade,
    );
  });

  it.each<[string, DelegateDetailsInput, string[]]>([
    ['NIP and NIK agree', { nik: NIK }, []],
    ['the NIK is of a woman', { nik: '3171016609860001' }, ['NIP_SEX_DISAGREES_WITH_NIK']],
    [
      'the NIK has another birth date',
      { nik: '3171012709860001' },
      ['NIP_BIRTH_DATE_DISAGREES_WITH_NIK'],
    ],
    [
      'the NIP is of a man titled Hj.',
      { titlesBefore: 'Hj.', nik: NIK },
      ['NIP_SEX_DISAGREES_WITH_TITLE'],
    ],
    [
      'everything disagrees',
      { titlesBefore: 'Hj.', nik: '3171016709860001' },
      [
        'NIP_SEX_DISAGREES_WITH_TITLE',
        'NIP_SEX_DISAGREES_WITH_NIK',
        'NIP_BIRTH_DATE_DISAGREES_WITH_NIK',
      ],
    ],
    [
      'a PPPK NIP agrees with a woman’s NIK',
      { employmentType: 'PPPK', nip: PPPK_NIP, rankGrade: 'IX', nik: '3171014101900001' },
      [],
    ],
  ])('should warn, not refuse, when %s', (_case, overrides, codes) => {
    expect(
      warningCodes(checkDelegateDetails(buildDelegateInput(overrides), ['nik'], TODAY)),
    ).toEqual(codes);
  });

  it('should explain the warning when the NIP and the NIK disagree', () => {
    const check = checkDelegateDetails(
      buildDelegateInput({ nik: '3171016709860001' }),
      ['nik'],
      TODAY,
    );

    expect(check.ok && check.warnings).toEqual([
      {
        field: 'nip',
        code: 'NIP_SEX_DISAGREES_WITH_NIK',
        message: 'nip says a man, but nik says a woman',
      },
      {
        field: 'nip',
        code: 'NIP_BIRTH_DATE_DISAGREES_WITH_NIK',
        message: 'nip holds birth date 1986-09-26, but nik holds 1986-09-27',
      },
    ]);
  });

  it('should read every grade however it is cased and spaced', () => {
    const spacing = fc.constantFrom('', ' ', '  ');
    const cased = (text: string) =>
      fc
        .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
        .map((upper) =>
          [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
        );
    const pns = fc.constantFrom(...PNS_GRADES).chain((grade) =>
      fc.tuple(cased(grade), spacing, spacing).map(([text, before, after]) => ({
        grade,
        typed: text.replace('/', `${before}/${after}`),
      })),
    );

    fc.assert(
      fc.property(pns, ({ grade, typed }) => {
        expect(
          details(checkDelegateDetails(buildDelegateInput({ rankGrade: typed }), [], TODAY))
            .rankGrade,
        ).toBe(grade);
      }),
    );
  });

  it('should give the same details when the tidied details are checked again', () => {
    const optionalText = fc.option(fc.stringMatching(/^[ A-Za-z.,']{0,20}$/), { nil: null });
    const input = fc.record({
      titlesBefore: optionalText,
      name: fc.stringMatching(/^ ?[A-Za-z]{1,10}( +[A-Za-z]{1,10}){0,3} ?$/),
      titlesAfter: optionalText,
      employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
      position: optionalText,
      workUnit: optionalText,
      email: fc.constantFrom('Budi@Example.ID', 'siti.aminah@kemendagri.go.id'),
      phone: fc.constantFrom(null, '0812-3456-7890', '+62 21 3450038'),
      pppkGrade: fc.constantFrom(...PPPK_GRADES),
    });

    fc.assert(
      fc.property(input, ({ employmentType, pppkGrade, ...rest }) => {
        const byType = {
          PNS: { nip: PNS_NIP, rankGrade: 'iv / a' },
          PPPK: { nip: PPPK_NIP, rankGrade: pppkGrade.toLowerCase() },
          TNI: { nip: null, rankGrade: 'Mayor  Laut' },
          Polri: { nip: null, rankGrade: 'AKBP' },
          'non-ASN': { nip: null, rankGrade: null },
        }[employmentType];
        const first = checkDelegateDetails({ ...rest, employmentType, ...byType }, [], TODAY);

        expect(checkDelegateDetails(details(first), [], TODAY)).toEqual(first);
      }),
    );
  });

  it('should name only fields of the input when it refuses', () => {
    const anyText = fc.option(fc.string({ maxLength: 20 }), { nil: null });
    const input = fc.record({
      titlesBefore: anyText,
      name: anyText,
      titlesAfter: anyText,
      employmentType: fc.option(fc.constantFrom(...EMPLOYMENT_TYPES, 'honorer'), { nil: null }),
      nip: anyText,
      rankGrade: anyText,
      position: anyText,
      workUnit: anyText,
      email: anyText,
      phone: anyText,
      nik: anyText,
    });
    const fields = [
      'titlesBefore',
      'name',
      'titlesAfter',
      'employmentType',
      'nip',
      'rankGrade',
      'position',
      'workUnit',
      'email',
      'phone',
      'nik',
    ];

    fc.assert(
      fc.property(input, fc.subarray([...DELEGATE_FIELDS]), (delegate, required) => {
        const check = checkDelegateDetails(delegate, required, TODAY);
        if (!check.ok) {
          expect(check.problems.length).toBeGreaterThan(0);
          for (const problem of check.problems) {
            expect(fields).toContain(problem.field);
            expect(problem.message.startsWith(problem.field)).toBe(true);
          }
        }
      }),
    );
  });
});
