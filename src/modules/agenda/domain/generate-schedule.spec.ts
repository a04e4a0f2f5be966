import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';
import type { AgendaContext } from './agenda-types';
import { detectConflicts, isHardConflict } from './conflicts';
import { generateSchedule, type ScheduleInput, type ScheduleResult } from './generate-schedule';
import { buildItem } from '../../../../test/support/agenda';

const JAKARTA = 'Asia/Jakarta';
const at = (local: string | undefined) =>
  DateTime.fromISO(local ?? '', { zone: JAKARTA }).toMillis();
const clock = (instant: number) =>
  DateTime.fromMillis(instant, { zone: JAKARTA }).toFormat('HH:mm');

function buildContext(overrides: Partial<AgendaContext> = {}): AgendaContext {
  return {
    timeZone: JAKARTA,
    startDate: '2022-06-29',
    endDate: '2022-06-29',
    dayWindows: [{ date: '2022-06-29', from: '08:00', to: '17:00' }],
    rooms: [{ id: 'ballroom', name: 'Ballroom', capacity: 200 }],
    people: [],
    ...overrides,
  };
}

/** Each placed item as `id day HH:mm–HH:mm`. */
function rundown(result: ScheduleResult): string[] {
  return result.placed.map((p) => `${p.id} ${p.day} ${clock(p.start)}–${clock(p.end)}`);
}

function hardConflicts(result: ScheduleResult, context: AgendaContext) {
  return detectConflicts(result.placed, context).filter(isHardConflict);
}

// ---- the reference workshop ----------------------------------------------------------------

interface ReferenceEvent {
  event: {
    timeZone: string;
    startDate: string;
    endDate: string;
    dayWindows: { date: string; from: string; to: string }[];
    venue: { rooms: { name: string; capacity: number }[] };
  };
  people: { key: string; name: string }[];
  externalOrganizations: { key: string; name: string }[];
  program: {
    date: string;
    type: SessionType;
    title: string;
    durationMinutes: number;
    fixedStart?: string;
    roles?: { role: SessionRole; person?: string; organization?: string }[];
  }[];
  breakRules: {
    coffeeBreakMinutes: number;
    coffeeBreakAfterMinutes: number;
    ishoma: { from: string; to: string };
  };
}

const reference = JSON.parse(
  readFileSync(join(__dirname, '../../../../demo/workshop-kehumasan-2022.json'), 'utf8'),
) as ReferenceEvent;

function referenceInput(
  windows: ReferenceEvent['event']['dayWindows'] = reference.event.dayWindows,
): ScheduleInput {
  const { event } = reference;
  const context: AgendaContext = {
    timeZone: event.timeZone,
    startDate: event.startDate,
    endDate: event.endDate,
    dayWindows: windows.map(({ date, from, to }) => ({ date, from, to })),
    rooms: [{ id: 'ballroom', name: 'Ballroom', capacity: 200 }],
    people: reference.people.map((p) => ({ id: p.key, name: p.name })),
    organizations: reference.externalOrganizations.map((o) => ({ id: o.key, name: o.name })),
    breakRules: reference.breakRules,
  };
  const items = reference.program.map((entry, index) => {
    const start = entry.fixedStart ? at(`${entry.date}T${entry.fixedStart}`) : null;
    return buildItem({
      id: `p${index + 1}`,
      title: entry.title,
      type: entry.type,
      durationMinutes: entry.durationMinutes,
      day: entry.date,
      start,
      end: start === null ? null : start + entry.durationMinutes * 60_000,
      holders: (entry.roles ?? []).map((r) => ({
        role: r.role,
        personId: r.person ?? null,
        organizationId: r.organization ?? null,
      })),
    });
  });
  return { context, items, pinnedIds: ['p1'] };
}

describe('generateSchedule on the reference workshop', () => {
  const input = referenceInput();
  const result = generateSchedule(input);

  it('should place everything with no hard conflict when given the 28–30 June 2022 program', () => {
    expect(result.unplaced).toEqual([]);
    expect(hardConflicts(result, input.context)).toEqual([]);
  });

  it('should produce the expected rundown when given the reference program and break rules', () => {
    expect(rundown(result)).toEqual([
      'p1 2022-06-28 19:00–19:15',
      'p2 2022-06-28 19:15–19:45',
      'p3 2022-06-28 19:45–21:15',
      'p4 2022-06-29 08:00–11:00',
      'break:2022-06-29:1 2022-06-29 11:00–11:15',
      'ishoma:2022-06-29 2022-06-29 12:00–13:00',
      'p5 2022-06-29 13:00–16:00',
      'p6 2022-06-30 08:00–09:30',
      'p7 2022-06-30 09:30–11:00',
      'break:2022-06-30:1 2022-06-30 11:00–11:15',
      'ishoma:2022-06-30 2022-06-30 12:00–13:00',
      'p8 2022-06-30 13:00–14:00',
      'p9 2022-06-30 14:00–14:30',
    ]);
  });

  it('should name breaks in Indonesian and end no day with a break when generating', () => {
    const breaks = result.placed.filter((p) => p.type === 'break');
    expect(breaks.map((b) => b.title)).toEqual(['Rehat Kopi', 'Rehat Kopi']);
    expect(result.placed.find((p) => p.type === 'meal_prayer')?.title).toBe('ISHOMA');
    for (const day of ['2022-06-28', '2022-06-29', '2022-06-30']) {
      const ofDay = result.placed.filter((p) => p.day === day);
      expect(ofDay[0]?.type).not.toBe('break');
      expect(ofDay[ofDay.length - 1]?.type).not.toBe('break');
    }
    expect(result.placed[result.placed.length - 1]?.type).toBe('closing');
  });

  it('should say what does not fit when the last day is tightened to 08:00–11:00', () => {
    const tight = referenceInput(
      reference.event.dayWindows.map((w) =>
        w.date === '2022-06-30' ? { ...w, from: '08:00', to: '11:00' } : w,
      ),
    );
    const tightened = generateSchedule(tight);
    expect(tightened.unplaced.map((u) => [u.constraint, u.itemIds, u.day])).toEqual([
      ['day_too_short', ['p8'], '2022-06-30'],
      ['day_too_short', ['p9'], '2022-06-30'],
    ]);
    expect(tightened.unplaced[0]?.message).toEqual({
      id: 'Mengelola Krisis Media Sosial Pemerintah (60 menit) tidak muat pada 30 Juni: sisa 0 menit',
      en: 'Mengelola Krisis Media Sosial Pemerintah (60 minutes) does not fit on 30 June: 0 minutes left',
    });
    expect(hardConflicts(tightened, tight.context)).toEqual([]);
  });
});

// ---- rules --------------------------------------------------------------------------------

describe('generateSchedule', () => {
  it('should give the same schedule when run twice on the same input', () => {
    const input = referenceInput();
    expect(generateSchedule(input)).toEqual(generateSchedule(input));
  });

  it('should give the same schedule when the days come in another order', () => {
    const input = referenceInput();
    const byDay = (day: string) => input.items.filter((i) => i.day === day);
    const shuffled = {
      ...input,
      items: [...byDay('2022-06-30'), ...byDay('2022-06-28'), ...byDay('2022-06-29')],
    };
    expect(generateSchedule(shuffled)).toEqual(generateSchedule(input));
  });

  it.each([
    ['kept by default', undefined, undefined, '10:00–11:00'],
    ['pinned when re-placing all', false, ['fixed'], '10:00–11:00'],
    ['re-placed when not pinned', false, [], '09:00–10:00'],
  ])(
    'should keep or move a scheduled item when it is %s',
    (_label, keepScheduled, pinnedIds, expected) => {
      const items = [
        buildItem({ id: 'first', day: '2022-06-29' }),
        buildItem({ id: 'fixed', start: at('2022-06-29T10:00'), end: at('2022-06-29T11:00') }),
      ];
      const result = generateSchedule({
        context: buildContext(),
        items,
        ...(keepScheduled === undefined ? {} : { keepScheduled }),
        ...(pinnedIds === undefined ? {} : { pinnedIds }),
      });
      const fixed = result.placed.find((p) => p.id === 'fixed');
      expect(fixed && `${clock(fixed.start)}–${clock(fixed.end)}`).toBe(expected);
      expect(result.unplaced).toEqual([]);
    },
  );

  it('should fill around a pinned item when it sits in the middle of the day', () => {
    const items = [
      buildItem({ id: 'a', day: '2022-06-29', durationMinutes: 90 }),
      buildItem({ id: 'pin', start: at('2022-06-29T09:00'), end: at('2022-06-29T10:00') }),
      buildItem({ id: 'b', day: '2022-06-29', durationMinutes: 30 }),
    ];
    const context = buildContext();
    const result = generateSchedule({ context, items });
    expect(rundown(result)).toEqual([
      'pin 2022-06-29 09:00–10:00',
      'a 2022-06-29 10:00–11:30',
      'b 2022-06-29 11:30–12:00',
    ]);
    expect(hardConflicts(result, context)).toEqual([]);
  });

  it('should report the constraint in both languages when a day is too short', () => {
    const context = buildContext({
      dayWindows: [{ date: '2022-06-29', from: '08:00', to: '13:30' }],
    });
    const items = [
      buildItem({ id: 's1', title: 'Sesi 1', day: '2022-06-29', durationMinutes: 180 }),
      buildItem({ id: 's2', title: 'Sesi 2', day: '2022-06-29', durationMinutes: 180 }),
    ];
    const result = generateSchedule({ context, items });
    expect(result.unplaced).toEqual([
      {
        constraint: 'day_too_short',
        itemIds: ['s2'],
        day: '2022-06-29',
        minutesLeft: 150,
        message: {
          id: 'Sesi 2 (180 menit) tidak muat pada 29 Juni: sisa 150 menit',
          en: 'Sesi 2 (180 minutes) does not fit on 29 June: 150 minutes left',
        },
      },
    ]);
  });

  it.each([
    ['before comes later in the program', [{ before: 'b', after: 'a' }], ['b', 'a', 'c']],
    ['the constraint agrees with the program', [{ before: 'a', after: 'c' }], ['a', 'b', 'c']],
    [
      'constraints chain',
      [
        { before: 'c', after: 'b' },
        { before: 'b', after: 'a' },
      ],
      ['c', 'b', 'a'],
    ],
  ])('should respect ordering constraints when %s', (_label, ordering, expected) => {
    const items = ['a', 'b', 'c'].map((id) => buildItem({ id, day: '2022-06-29' }));
    const result = generateSchedule({ context: buildContext(), items, ordering });
    expect(result.placed.map((p) => p.id)).toEqual(expected);
    const byId = new Map(result.placed.map((p) => [p.id, p]));
    for (const { before, after } of ordering) {
      expect(byId.get(after)?.start).toBeGreaterThanOrEqual(byId.get(before)?.end ?? Infinity);
    }
  });

  it('should report an ordering cycle when constraints contradict each other', () => {
    const items = ['a', 'b'].map((id) => buildItem({ id, day: '2022-06-29' }));
    const result = generateSchedule({
      context: buildContext(),
      items,
      ordering: [
        { before: 'a', after: 'b' },
        { before: 'b', after: 'a' },
      ],
    });
    expect(result.unplaced.map((u) => [u.constraint, u.itemIds])).toEqual([
      ['ordering', ['a', 'b']],
      ['ordering', ['b', 'a']],
    ]);
  });

  it.each([
    ['late in the day', [['2022-06-29T14:00', '2022-06-29T17:00']], '14:00–15:00', []],
    [
      'in two slots',
      [
        ['2022-06-29T08:00', '2022-06-29T08:30'],
        ['2022-06-29T10:00', '2022-06-29T12:00'],
      ],
      '10:00–11:00',
      [],
    ],
  ])(
    'should place an item within its speaker availability when available %s',
    (_label, ranges, expected, unplaced) => {
      const context = buildContext({
        people: [
          {
            id: 'ilham',
            name: 'Moh Ilham A Hamudy',
            availability: ranges.map(([from, to]) => ({ start: at(from), end: at(to) })),
          },
        ],
      });
      const items = [
        buildItem({
          id: 'talk',
          day: '2022-06-29',
          holders: [{ role: 'speaker', personId: 'ilham' }],
        }),
      ];
      const result = generateSchedule({ context, items });
      const talk = result.placed.find((p) => p.id === 'talk');
      expect(talk && `${clock(talk.start)}–${clock(talk.end)}`).toBe(expected);
      expect(result.unplaced).toEqual(unplaced);
      expect(detectConflicts(result.placed, context)).toEqual([]);
    },
  );

  it('should report the people when their availability leaves no room', () => {
    const context = buildContext({
      people: [
        {
          id: 'ilham',
          name: 'Moh Ilham A Hamudy',
          availability: [{ start: at('2022-06-29T08:00'), end: at('2022-06-29T08:30') }],
        },
      ],
    });
    const items = [
      buildItem({
        id: 'talk',
        day: '2022-06-29',
        holders: [{ role: 'moderator', personId: 'ilham' }],
      }),
    ];
    const result = generateSchedule({ context, items });
    expect(result.unplaced.map((u) => [u.constraint, u.message.id])).toEqual([
      [
        'people_unavailable',
        'talk tidak dapat dijadwalkan pada 29 Juni: Moh Ilham A Hamudy tidak tersedia',
      ],
    ]);
  });

  it('should not double-book a moderator or a room when items run in parallel rooms', () => {
    const context = buildContext({
      rooms: [
        { id: 'a', name: 'Ruang A', capacity: 50 },
        { id: 'b', name: 'Ruang B', capacity: 50 },
      ],
    });
    const moderator = [{ role: 'moderator' as const, personId: 'ilham' }];
    const items = [
      buildItem({ id: 'a1', day: '2022-06-29', roomId: 'a', holders: moderator }),
      buildItem({ id: 'b1', day: '2022-06-29', roomId: 'b', holders: moderator }),
      buildItem({ id: 'b2', day: '2022-06-29', roomId: 'b' }),
      buildItem({ id: 'a2', day: '2022-06-29', roomId: 'a' }),
    ];
    const result = generateSchedule({ context, items });
    expect(rundown(result)).toEqual([
      'a1 2022-06-29 08:00–09:00',
      'a2 2022-06-29 09:00–10:00',
      'b1 2022-06-29 09:00–10:00',
      'b2 2022-06-29 10:00–11:00',
    ]);
    expect(hardConflicts(result, context)).toEqual([]);
  });

  it.each([
    ['three 60-minute items', [60, 60, 60], ['x1 08:00–09:00', 'x2 09:00–10:00', 'x3 10:00–11:00']],
    [
      'content reaches 120 minutes',
      [60, 60, 60],
      ['x1 08:00–09:00', 'x2 09:00–10:00', 'break 10:00–10:15', 'x3 10:15–11:15'],
    ],
    ['a single long item', [240], ['x1 08:00–12:00']],
  ])('should insert coffee breaks between items only when %s', (label, durations, expected) => {
    const withBreaks = label !== 'three 60-minute items';
    const context = buildContext({
      breakRules: withBreaks ? { coffeeBreakMinutes: 15, coffeeBreakAfterMinutes: 120 } : {},
    });
    const items = durations.map((durationMinutes, index) =>
      buildItem({ id: `x${index + 1}`, day: '2022-06-29', durationMinutes }),
    );
    const result = generateSchedule({ context, items });
    expect(
      result.placed.map(
        (p) => `${p.type === 'break' ? 'break' : p.id} ${clock(p.start)}–${clock(p.end)}`,
      ),
    ).toEqual(expected);
    expect(hardConflicts(result, context)).toEqual([]);
  });

  it('should place an any-day item on the first day it fits when no day is given', () => {
    const context = buildContext({
      endDate: '2022-06-30',
      dayWindows: [
        { date: '2022-06-29', from: '08:00', to: '09:00' },
        { date: '2022-06-30', from: '08:00', to: '12:00' },
      ],
    });
    const items = [
      buildItem({ id: 'fill', day: '2022-06-29' }),
      buildItem({ id: 'any', durationMinutes: 120 }),
    ];
    const result = generateSchedule({ context, items });
    expect(rundown(result)).toEqual(['fill 2022-06-29 08:00–09:00', 'any 2022-06-30 08:00–10:00']);
  });
});
