import {
  arrivalMatrix,
  type AttendanceStatus,
  type DayStatusRow,
  type DelegationInvite,
  isPresent,
  personDaysByDay,
  type RegisteredDelegate,
  totalPersonDays,
  totalsByReportingGroup,
  validateStatusChange,
} from './attendance';

const row = (registrationId: string, day: string, status: AttendanceStatus): DayStatusRow => ({
  registrationId,
  day,
  status,
});

const kemendagri = {
  organizationId: 'o-kemendagri',
  organizationName: 'Kementerian Dalam Negeri',
  reportingGroup: 'K/L',
} as const;
const jabar = {
  organizationId: 'o-jabar',
  organizationName: 'Pemerintah Provinsi Jawa Barat',
  reportingGroup: 'Pemda',
} as const;
const bandung = {
  organizationId: 'o-bandung',
  organizationName: 'Pemerintah Kota Bandung',
  reportingGroup: 'Pemda',
} as const;
const kampus = {
  organizationId: 'o-ipdn',
  organizationName: 'Asosiasi Dosen',
  reportingGroup: 'Lainnya',
} as const;

const invites: DelegationInvite[] = [
  { ...kemendagri, invitedSeats: 3 },
  { ...jabar, invitedSeats: 2 },
  { ...bandung, invitedSeats: 2 },
];
const delegates: RegisteredDelegate[] = [
  { ...kemendagri, registrationId: 'r1' },
  { ...kemendagri, registrationId: 'r2' },
  { ...jabar, registrationId: 'r3' },
  { ...kampus, registrationId: 'r4' },
];

describe(validateStatusChange.name, () => {
  it.each<[string, AttendanceStatus, string | null | undefined, string[]]>([
    ['hadir without a name', 'hadir', undefined, []],
    ['izin without a name', 'izin', null, []],
    ['tidak_hadir without a name', 'tidak_hadir', '', []],
    ['diwakili with a name', 'diwakili', 'Drs. Budi Santoso', []],
    ['diwakili without a name', 'diwakili', undefined, ['representativeName']],
    ['diwakili with a blank name', 'diwakili', '   ', ['representativeName']],
    ['hadir with a name', 'hadir', 'Drs. Budi Santoso', ['representativeName']],
  ])('should give the expected problems when %s', (_case, status, representativeName, fields) => {
    const problems = validateStatusChange({ status, representativeName });

    expect(problems.map((problem) => problem.field)).toEqual(fields);
    for (const problem of problems) expect(problem.message).toMatch(/^representativeName /);
  });
});

describe(isPresent.name, () => {
  it.each<[AttendanceStatus, boolean]>([
    ['hadir', true],
    ['diwakili', true],
    ['izin', false],
    ['tidak_hadir', false],
  ])('should say %s counts as present: %s', (status, present) => {
    expect(isPresent(status)).toBe(present);
  });
});

describe(personDaysByDay.name, () => {
  it.each<[string, DayStatusRow[], { day: string; personDays: number }[]]>([
    ['no rows', [], []],
    [
      'hadir and diwakili count, izin and tidak_hadir do not',
      [
        row('r1', '2022-06-29', 'hadir'),
        row('r2', '2022-06-29', 'diwakili'),
        row('r3', '2022-06-29', 'izin'),
        row('r4', '2022-06-29', 'tidak_hadir'),
      ],
      [{ day: '2022-06-29', personDays: 2 }],
    ],
    [
      'a delegate with two rows on a day counts once',
      [row('r1', '2022-06-29', 'hadir'), row('r1', '2022-06-29', 'hadir')],
      [{ day: '2022-06-29', personDays: 1 }],
    ],
    [
      'days come in order and a day nobody attended shows 0',
      [
        row('r1', '2022-06-30', 'hadir'),
        row('r1', '2022-06-28', 'hadir'),
        row('r2', '2022-06-28', 'hadir'),
        row('r1', '2022-06-29', 'izin'),
      ],
      [
        { day: '2022-06-28', personDays: 2 },
        { day: '2022-06-29', personDays: 0 },
        { day: '2022-06-30', personDays: 1 },
      ],
    ],
  ])('should count person-days when %s', (_case, rows, expected) => {
    expect(personDaysByDay(rows)).toEqual(expected);
  });
});

describe(totalPersonDays.name, () => {
  it('should sum the days when given three days', () => {
    expect(
      totalPersonDays([
        { day: '2022-06-28', personDays: 2 },
        { day: '2022-06-29', personDays: 0 },
        { day: '2022-06-30', personDays: 5 },
      ]),
    ).toBe(7);
  });
});

describe(arrivalMatrix.name, () => {
  const statuses = [
    row('r1', '2022-06-29', 'hadir'),
    row('r1', '2022-06-29', 'hadir'),
    row('r2', '2022-06-29', 'izin'),
    row('r2', '2022-06-28', 'hadir'),
    row('r3', '2022-06-29', 'diwakili'),
    row('r4', '2022-06-29', 'hadir'),
    row('r-unknown', '2022-06-29', 'hadir'),
  ];

  it('should count seats, registered and arrived per organization, sorted by name, on the day', () => {
    expect(arrivalMatrix('2022-06-29', invites, delegates, statuses)).toEqual([
      { ...kampus, invitedSeats: 0, registered: 1, arrived: 1 },
      { ...kemendagri, invitedSeats: 3, registered: 2, arrived: 1 },
      { ...bandung, invitedSeats: 2, registered: 0, arrived: 0 },
      { ...jabar, invitedSeats: 2, registered: 1, arrived: 1 },
    ]);
  });

  it('should count nobody arrived when the day has no statuses', () => {
    expect(
      arrivalMatrix('2022-06-30', invites, delegates, statuses).map((line) => line.arrived),
    ).toEqual([0, 0, 0, 0]);
  });

  it('should add up the seats when an organization is invited twice', () => {
    expect(
      arrivalMatrix('2022-06-29', [...invites, { ...jabar, invitedSeats: 1 }], [], []).find(
        (line) => line.organizationId === jabar.organizationId,
      )?.invitedSeats,
    ).toBe(3);
  });
});

describe(totalsByReportingGroup.name, () => {
  it('should sum the matrix per group in the order K/L, Pemda, Lainnya', () => {
    const matrix = arrivalMatrix('2022-06-29', invites, delegates, [
      row('r1', '2022-06-29', 'hadir'),
      row('r3', '2022-06-29', 'hadir'),
      row('r4', '2022-06-29', 'tidak_hadir'),
    ]);

    expect(totalsByReportingGroup(matrix)).toEqual([
      { reportingGroup: 'K/L', invitedSeats: 3, registered: 2, arrived: 1 },
      { reportingGroup: 'Pemda', invitedSeats: 4, registered: 1, arrived: 1 },
      { reportingGroup: 'Lainnya', invitedSeats: 0, registered: 1, arrived: 0 },
    ]);
  });

  it('should list every group with zeros when the matrix is empty', () => {
    expect(totalsByReportingGroup([]).map((total) => total.registered)).toEqual([0, 0, 0]);
  });
});
