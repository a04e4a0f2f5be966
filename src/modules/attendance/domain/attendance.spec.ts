import {
  arrivalDay,
  arrivalMatrix,
  arrivalsOn,
  type AttendanceStatus,
  type DayStatusRow,
  type DelegationDayCount,
  delegationAttendance,
  type DelegationInvite,
  type DelegationRegistrations,
  eventDays,
  expectedAtSession,
  isPresent,
  OPEN_REGISTRATION_LINE,
  personDaysByDay,
  personDaysFromCounts,
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

describe(eventDays.name, () => {
  it.each<[string, string, string, string[]]>([
    ['a one-day event', '2022-06-28', '2022-06-28', ['2022-06-28']],
    ['three days', '2022-06-28', '2022-06-30', ['2022-06-28', '2022-06-29', '2022-06-30']],
    ['a leap day', '2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['the turn of a year', '2030-12-31', '2031-01-01', ['2030-12-31', '2031-01-01']],
  ])('should list every day when %s', (_case, start, end, days) => {
    expect(eventDays(start, end)).toEqual(days);
  });
});

describe(arrivalDay.name, () => {
  const days = ['2022-06-28', '2022-06-29', '2022-06-30'];

  it.each<[string, string, string | undefined, string | null]>([
    ['a day of the event is asked for', '2022-06-29', '2022-06-30', '2022-06-30'],
    ['a day outside the event is asked for', '2022-06-29', '2022-07-01', null],
    ['nothing is asked and the event is on today', '2022-06-29', undefined, '2022-06-29'],
    ['nothing is asked before the event', '2022-06-01', undefined, '2022-06-28'],
    ['nothing is asked after the event', '2022-07-15', undefined, '2022-06-28'],
  ])('should pick the day when %s', (_case, today, requested, expected) => {
    expect(arrivalDay(days, today, requested)).toBe(expected);
  });
});

/** Counts per organization, day and status, tallied from one row per delegate. */
function tally(rows: DayStatusRow[], organizationOf: Map<string, string>): DelegationDayCount[] {
  const counts = new Map<string, DelegationDayCount>();
  for (const { registrationId, day, status } of rows) {
    const organizationId = organizationOf.get(registrationId);
    if (organizationId === undefined) continue;
    const key = `${organizationId}|${day}|${status}`;
    const count = counts.get(key) ?? { organizationId, day, status, delegates: 0 };
    count.delegates += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}

const count = (
  organizationId: string | null,
  day: string,
  status: AttendanceStatus,
  delegates: number,
): DelegationDayCount => ({ organizationId, day, status, delegates });

describe(personDaysFromCounts.name, () => {
  const days = ['2022-06-28', '2022-06-29', '2022-06-30'];

  it.each<[string, DelegationDayCount[], number[]]>([
    ['there are no counts', [], [0, 0, 0]],
    [
      'hadir and diwakili count, izin and tidak_hadir do not',
      [
        count('o-a', '2022-06-29', 'hadir', 3),
        count('o-a', '2022-06-29', 'diwakili', 1),
        count('o-b', '2022-06-29', 'izin', 2),
        count('o-b', '2022-06-29', 'tidak_hadir', 4),
        count(null, '2022-06-29', 'hadir', 1),
      ],
      [0, 5, 0],
    ],
    [
      'a count falls on a day that is not the event’s',
      [count('o-a', '2022-07-01', 'hadir', 3), count('o-a', '2022-06-30', 'hadir', 2)],
      [0, 0, 2],
    ],
  ])('should give every day its OH when %s', (_case, counts, expected) => {
    expect(personDaysFromCounts(days, counts)).toEqual(
      days.map((day, index) => ({ day, personDays: expected[index] })),
    );
  });

  it('should agree with personDaysByDay when the counts are tallied from the same rows', () => {
    const rows = [
      row('r1', '2022-06-28', 'hadir'),
      row('r2', '2022-06-28', 'diwakili'),
      row('r3', '2022-06-28', 'izin'),
      row('r1', '2022-06-29', 'hadir'),
      row('r3', '2022-06-30', 'hadir'),
    ];
    const organizationOf = new Map([
      ['r1', 'o-a'],
      ['r2', 'o-a'],
      ['r3', 'o-b'],
    ]);

    expect(personDaysFromCounts(days, tally(rows, organizationOf))).toEqual(personDaysByDay(rows));
  });
});

describe(delegationAttendance.name, () => {
  const days = ['2022-06-28', '2022-06-29'];
  const registrations: DelegationRegistrations[] = [
    { organization: kemendagri, registered: 2 },
    { organization: jabar, registered: 1 },
    { organization: kampus, registered: 1 },
  ];
  const statuses = [
    row('r1', '2022-06-29', 'hadir'),
    row('r2', '2022-06-29', 'izin'),
    row('r2', '2022-06-28', 'hadir'),
    row('r3', '2022-06-29', 'diwakili'),
    row('r4', '2022-06-29', 'hadir'),
  ];
  const organizationOf = new Map(
    delegates.map((delegate) => [delegate.registrationId, delegate.organizationId]),
  );

  it('should give seats, registrations and the delegates present each day, sorted by name', () => {
    expect(
      delegationAttendance(days, invites, registrations, tally(statuses, organizationOf)),
    ).toEqual([
      {
        ...kampus,
        invitedSeats: 0,
        registered: 1,
        present: [
          { day: '2022-06-28', present: 0 },
          { day: '2022-06-29', present: 1 },
        ],
      },
      {
        ...kemendagri,
        invitedSeats: 3,
        registered: 2,
        present: [
          { day: '2022-06-28', present: 1 },
          { day: '2022-06-29', present: 1 },
        ],
      },
      {
        ...bandung,
        invitedSeats: 2,
        registered: 0,
        present: [
          { day: '2022-06-28', present: 0 },
          { day: '2022-06-29', present: 0 },
        ],
      },
      {
        ...jabar,
        invitedSeats: 2,
        registered: 1,
        present: [
          { day: '2022-06-28', present: 0 },
          { day: '2022-06-29', present: 1 },
        ],
      },
    ]);
  });

  it('should list open registrations last, under their own line in Lainnya', () => {
    const lines = delegationAttendance(
      days,
      [{ ...jabar, invitedSeats: 2 }],
      [
        { organization: null, registered: 3 },
        { organization: jabar, registered: 2 },
      ],
      [count(null, '2022-06-28', 'hadir', 2), count(null, '2022-06-28', 'diwakili', 1)],
    );

    expect(lines.map((line) => line.organizationId)).toEqual([jabar.organizationId, null]);
    expect(lines[1]).toEqual({
      organizationId: null,
      ...OPEN_REGISTRATION_LINE,
      invitedSeats: 0,
      registered: 3,
      present: [
        { day: '2022-06-28', present: 3 },
        { day: '2022-06-29', present: 0 },
      ],
    });
  });

  it('should ignore counts of days outside the report and of organizations not registered', () => {
    const lines = delegationAttendance(days, invites, registrations, [
      count(kemendagri.organizationId, '2022-07-01', 'hadir', 5),
      count(bandung.organizationId, '2022-06-28', 'hadir', 5),
    ]);

    expect(lines.flatMap((line) => line.present.map((on) => on.present))).toEqual(
      Array.from({ length: 8 }, () => 0),
    );
  });

  it('should give the arrival matrix of arrivalMatrix when read for a day', () => {
    const lines = delegationAttendance(
      days,
      invites,
      registrations,
      tally(statuses, organizationOf),
    );

    for (const day of days) {
      expect(arrivalsOn(day, lines)).toEqual(arrivalMatrix(day, invites, delegates, statuses));
    }
    expect(totalsByReportingGroup(arrivalsOn('2022-06-29', lines))).toEqual(
      totalsByReportingGroup(arrivalMatrix('2022-06-29', invites, delegates, statuses)),
    );
  });
});

describe(expectedAtSession.name, () => {
  it.each<[string, number, number, number]>([
    ['delegates chose it', 4, 30, 4],
    ['nobody chose it', 0, 30, 30],
    ['nobody is confirmed', 0, 0, 0],
  ])('should expect the right number when %s', (_case, chosenBy, confirmed, expected) => {
    expect(expectedAtSession(chosenBy, confirmed)).toBe(expected);
  });
});
