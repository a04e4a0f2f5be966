import fc from 'fast-check';
import { DateTime } from 'luxon';
import { SESSION_ROLES, type SessionRole } from '../../sessions/domain/session-kinds';
import type { AgendaContext, AgendaItem, AgendaRoleHolder } from './agenda-types';
import { type Conflict, detectConflicts, isHardConflict, overlappingPairs } from './conflicts';
import { buildItem } from '../../../../test/support/agenda';

const JAKARTA = 'Asia/Jakarta';
const MINUTE = 60_000;

/** Epoch ms of a local time in a zone. */
const at = (local: string, zone = JAKARTA) => DateTime.fromISO(local, { zone }).toMillis();

/** An item scheduled between two local times of `zone`. */
function timed(
  id: string,
  from: string,
  to: string,
  overrides: Partial<AgendaItem> = {},
  zone = JAKARTA,
): AgendaItem {
  const start = at(from, zone);
  const end = at(to, zone);
  return buildItem({
    id,
    start,
    end,
    durationMinutes: (end - start) / MINUTE,
    day: from.slice(0, 10),
    ...overrides,
  });
}

const person = (role: SessionRole, personId: string): AgendaRoleHolder => ({ role, personId });
const team = (role: SessionRole, organizationId: string): AgendaRoleHolder => ({
  role,
  organizationId,
});

function buildContext(overrides: Partial<AgendaContext> = {}): AgendaContext {
  return {
    timeZone: JAKARTA,
    startDate: '2022-06-28',
    endDate: '2022-06-30',
    rooms: [
      { id: 'ballroom', name: 'Ballroom', capacity: 200 },
      { id: 'melati', name: 'Ruang Melati', capacity: 40 },
      { id: 'lobby', name: 'Lobi', capacity: null },
    ],
    people: [
      { id: 'sekjen', name: 'Dr. Drs. H. Suhajar Diantoro, M.Si' },
      { id: 'kapuspen', name: 'Benni Irwan' },
      { id: 'ilham', name: 'Moh Ilham A Hamudy' },
    ],
    organizations: [{ id: 'grid', name: 'Tim Grid Story Factory' }],
    ...overrides,
  };
}

/** The reference workshop's hours (demo/workshop-kehumasan-2022.json). */
const REFERENCE_WINDOWS = [
  { date: '2022-06-28', from: '19:00', to: '22:00' },
  { date: '2022-06-29', from: '08:00', to: '17:30' },
  { date: '2022-06-30', from: '08:00', to: '15:00' },
];
const PLAIN = buildContext();
const WINDOWED = buildContext({ dayWindows: REFERENCE_WINDOWS });
const WITH_ISHOMA = buildContext({ breakRules: { ishoma: { from: '12:00', to: '13:00' } } });

/** What a conflict is about, without its words: kind, severity, items, holders, room. */
function summary(conflict: Conflict): [string, string, string[], string[], string | null] {
  return [
    conflict.kind,
    conflict.severity,
    conflict.itemIds,
    [...conflict.personIds, ...conflict.organizationIds.map((id) => `org:${id}`)],
    'roomId' in conflict ? conflict.roomId : null,
  ];
}

type Case = [string, AgendaItem[], AgendaContext, ReturnType<typeof summary>[]];

describe('detectConflicts', () => {
  describe('double bookings', () => {
    it.each<Case>([
      [
        'a speaker moderates an overlapping session',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            holders: [person('speaker', 'sekjen')],
          }),
          timed('s2', '2022-06-29T10:00', '2022-06-29T12:00', {
            holders: [person('moderator', 'sekjen')],
          }),
        ],
        PLAIN,
        [['person_double_booked', 'error', ['s1', 's2'], ['sekjen'], null]],
      ],
      [
        'an MC is the official of an overlapping opening',
        [
          timed('report', '2022-06-28T19:00', '2022-06-28T19:15', {
            holders: [person('mc', 'ilham')],
          }),
          timed('opening', '2022-06-28T19:10', '2022-06-28T19:40', {
            holders: [person('official', 'ilham')],
          }),
        ],
        PLAIN,
        [['person_double_booked', 'error', ['report', 'opening'], ['ilham'], null]],
      ],
      [
        'a note-taker and a reporter are the same person at once',
        [
          timed('a', '2022-06-29T08:00', '2022-06-29T09:00', {
            holders: [person('note_taker', 'kapuspen')],
          }),
          timed('b', '2022-06-29T08:30', '2022-06-29T09:30', {
            holders: [person('reporter', 'kapuspen')],
          }),
        ],
        PLAIN,
        [['person_double_booked', 'error', ['a', 'b'], ['kapuspen'], null]],
      ],
      [
        'an organization holds roles in two overlapping items',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            holders: [team('speaker', 'grid')],
          }),
          timed('s2', '2022-06-29T09:00', '2022-06-29T10:00', {
            holders: [team('panelist', 'grid')],
          }),
        ],
        PLAIN,
        [['person_double_booked', 'error', ['s1', 's2'], ['org:grid'], null]],
      ],
      [
        'a moderator is in two rooms at once',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            roomId: 'ballroom',
            holders: [person('moderator', 'ilham')],
          }),
          timed('s2', '2022-06-29T09:00', '2022-06-29T10:00', {
            roomId: 'melati',
            holders: [person('moderator', 'ilham')],
          }),
        ],
        PLAIN,
        [['person_double_booked', 'error', ['s1', 's2'], ['ilham'], null]],
      ],
      [
        'two items are in one room at once',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', { roomId: 'ballroom' }),
          timed('s2', '2022-06-29T10:30', '2022-06-29T12:00', { roomId: 'ballroom' }),
        ],
        PLAIN,
        [['room_double_booked', 'error', ['s1', 's2'], [], 'ballroom']],
      ],
      [
        'a session over midnight and one after midnight share a room',
        [
          timed('late', '2022-06-28T23:00', '2022-06-29T01:00', { roomId: 'ballroom' }),
          timed('night', '2022-06-29T00:30', '2022-06-29T02:00', { roomId: 'ballroom' }),
        ],
        PLAIN,
        [['room_double_booked', 'error', ['late', 'night'], [], 'ballroom']],
      ],
    ])('should report a double booking when %s', (_case, items, context, expected) => {
      expect(detectConflicts(items, context).map(summary)).toEqual(expected);
    });

    it.each<[string, AgendaItem[]]>([
      [
        'one ends when the next starts (touching, same person)',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T10:00', {
            holders: [person('speaker', 'sekjen')],
          }),
          timed('s2', '2022-06-29T10:00', '2022-06-29T12:00', {
            holders: [person('speaker', 'sekjen')],
          }),
        ],
      ],
      [
        'one ends when the next starts (touching, same room)',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T10:00', { roomId: 'ballroom' }),
          timed('s2', '2022-06-29T10:00', '2022-06-29T12:00', { roomId: 'ballroom' }),
        ],
      ],
      [
        'a session over midnight ends when the next starts at midnight',
        [
          timed('late', '2022-06-28T22:00', '2022-06-29T00:00', {
            roomId: 'ballroom',
            holders: [person('mc', 'ilham')],
          }),
          timed('night', '2022-06-29T00:00', '2022-06-29T01:00', {
            roomId: 'ballroom',
            holders: [person('mc', 'ilham')],
          }),
        ],
      ],
      [
        'the same person holds two roles in the same item',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            holders: [person('speaker', 'sekjen'), person('moderator', 'sekjen')],
          }),
        ],
      ],
      [
        'overlapping items have different people and rooms',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            roomId: 'ballroom',
            holders: [person('speaker', 'sekjen')],
          }),
          timed('s2', '2022-06-29T08:00', '2022-06-29T11:00', {
            roomId: 'melati',
            holders: [person('speaker', 'kapuspen'), team('speaker', 'grid')],
          }),
        ],
      ],
      [
        'one of the items is unscheduled',
        [
          buildItem({ id: 's1', roomId: 'ballroom', holders: [person('speaker', 'sekjen')] }),
          timed('s2', '2022-06-29T08:00', '2022-06-29T11:00', {
            roomId: 'ballroom',
            holders: [person('speaker', 'sekjen')],
          }),
        ],
      ],
    ])('should report nothing when %s', (_case, items) => {
      expect(detectConflicts(items, PLAIN)).toEqual([]);
    });

    it('should report each pair once, in a fixed order, when three items overlap', () => {
      const holders = [person('speaker', 'sekjen')];
      const items = [
        timed('c', '2022-06-29T10:00', '2022-06-29T13:00', { roomId: 'ballroom', holders }),
        timed('a', '2022-06-29T08:00', '2022-06-29T11:00', { roomId: 'ballroom', holders }),
        timed('b', '2022-06-29T09:00', '2022-06-29T12:00', { roomId: 'ballroom', holders }),
      ];
      const expected = [
        ['person_double_booked', 'error', ['a', 'b'], ['sekjen'], null],
        ['person_double_booked', 'error', ['a', 'c'], ['sekjen'], null],
        ['room_double_booked', 'error', ['a', 'b'], [], 'ballroom'],
        ['room_double_booked', 'error', ['a', 'c'], [], 'ballroom'],
        ['person_double_booked', 'error', ['b', 'c'], ['sekjen'], null],
        ['room_double_booked', 'error', ['b', 'c'], [], 'ballroom'],
      ];
      expect(detectConflicts(items, PLAIN).map(summary)).toEqual(expected);
      expect(detectConflicts([...items].reverse(), PLAIN)).toEqual(detectConflicts(items, PLAIN));
    });

    it('should give the overlap and the roles of each item when a person is double booked', () => {
      const [conflict] = detectConflicts(
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            holders: [person('moderator', 'sekjen'), person('speaker', 'sekjen')],
          }),
          timed('s2', '2022-06-29T10:00', '2022-06-29T12:00', {
            holders: [person('official', 'sekjen')],
          }),
        ],
        PLAIN,
      );
      expect(conflict).toMatchObject({
        kind: 'person_double_booked',
        overlap: { start: at('2022-06-29T10:00'), end: at('2022-06-29T11:00') },
        roles: [['speaker', 'moderator'], ['official']],
      });
    });
  });

  describe('event days and day windows', () => {
    it.each<Case>([
      [
        'an item is scheduled after the last day',
        [timed('s1', '2022-07-01T08:00', '2022-07-01T09:00')],
        PLAIN,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
      [
        'an item starts before the first day',
        [timed('s1', '2022-06-27T23:00', '2022-06-28T01:00')],
        PLAIN,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
      [
        'an item runs past the midnight after the last day',
        [timed('s1', '2022-06-30T23:00', '2022-07-01T00:30')],
        PLAIN,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
      [
        'an unscheduled item is placed on a day after the event',
        [buildItem({ id: 's1', day: '2022-07-01' })],
        PLAIN,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
      [
        'an item starts before the day window',
        [timed('s1', '2022-06-29T07:00', '2022-06-29T09:00')],
        WINDOWED,
        [['outside_day_window', 'error', ['s1'], [], null]],
      ],
      [
        'an evening session runs over midnight past the evening window',
        [timed('s1', '2022-06-28T21:00', '2022-06-29T01:00')],
        WINDOWED,
        [['outside_day_window', 'error', ['s1'], [], null]],
      ],
      [
        'an item falls on a day without a window',
        [timed('s1', '2022-06-30T08:00', '2022-06-30T09:00')],
        buildContext({ dayWindows: REFERENCE_WINDOWS.slice(0, 2) }),
        [['outside_day_window', 'error', ['s1'], [], null]],
      ],
      [
        'an item outside the event days (reported once, not also outside the window)',
        [timed('s1', '2022-07-01T08:00', '2022-07-01T09:00')],
        WINDOWED,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
    ])('should report it when %s', (_case, items, context, expected) => {
      expect(detectConflicts(items, context).map(summary)).toEqual(expected);
    });

    it.each<[string, AgendaItem[], AgendaContext]>([
      [
        'an item fills the day window exactly',
        [timed('s1', '2022-06-29T08:00', '2022-06-29T17:30')],
        WINDOWED,
      ],
      [
        'an item ends at the midnight after the last day',
        [timed('s1', '2022-06-30T23:00', '2022-07-01T00:00')],
        PLAIN,
      ],
      ['an unscheduled item has no day', [buildItem({ id: 's1' })], WINDOWED],
      [
        'an unscheduled item is placed on an event day',
        [buildItem({ id: 's1', day: '2022-06-30' })],
        WINDOWED,
      ],
      [
        'a window past midnight holds a session over midnight',
        [timed('s1', '2022-06-28T23:00', '2022-06-29T01:00')],
        buildContext({ dayWindows: [{ date: '2022-06-28', from: '19:00', to: '01:00' }] }),
      ],
      [
        'a window to 24:00 holds a session ending at midnight',
        [timed('s1', '2022-06-28T22:00', '2022-06-29T00:00')],
        buildContext({ dayWindows: [{ date: '2022-06-28', from: '19:00', to: '24:00' }] }),
      ],
      [
        'touching windows together hold an item across their joint',
        [timed('s1', '2022-06-29T11:00', '2022-06-29T13:00')],
        buildContext({
          dayWindows: [
            { date: '2022-06-29', from: '08:00', to: '12:00' },
            { date: '2022-06-29', from: '12:00', to: '17:30' },
          ],
        }),
      ],
      ['no windows are given', [timed('s1', '2022-06-29T05:00', '2022-06-29T23:00')], PLAIN],
    ])('should report nothing when %s', (_case, items, context) => {
      expect(detectConflicts(items, context)).toEqual([]);
    });
  });

  describe('availability', () => {
    const AVAILABLE = buildContext({
      people: [
        {
          id: 'sekjen',
          name: 'Dr. Drs. H. Suhajar Diantoro, M.Si',
          availability: [
            { start: at('2022-06-28T19:00'), end: at('2022-06-28T22:00') },
            { start: at('2022-06-29T08:00'), end: at('2022-06-29T10:00') },
            { start: at('2022-06-29T10:00'), end: at('2022-06-29T12:00') },
          ],
        },
        { id: 'ilham', name: 'Moh Ilham A Hamudy', availability: [] },
      ],
    });
    const speaking = { holders: [person('speaker', 'sekjen')] };

    it.each<[string, AgendaItem, [number, number][]]>([
      [
        'the item starts a minute before the person arrives',
        timed('s1', '2022-06-28T18:59', '2022-06-28T20:00', speaking),
        [[at('2022-06-28T18:59'), at('2022-06-28T19:00')]],
      ],
      [
        'the item ends a minute after the person leaves',
        timed('s1', '2022-06-28T21:00', '2022-06-28T22:01', speaking),
        [[at('2022-06-28T22:00'), at('2022-06-28T22:01')]],
      ],
      [
        'the item runs past the last available range',
        timed('s1', '2022-06-29T11:00', '2022-06-29T13:00', speaking),
        [[at('2022-06-29T12:00'), at('2022-06-29T13:00')]],
      ],
      [
        'the item spans a gap between two ranges',
        timed('s1', '2022-06-28T21:00', '2022-06-29T09:00', speaking),
        [[at('2022-06-28T22:00'), at('2022-06-29T08:00')]],
      ],
    ])('should warn when %s', (_case, item, unavailable) => {
      const conflicts = detectConflicts([item], AVAILABLE);
      expect(conflicts.map(summary)).toEqual([
        ['outside_availability', 'warning', ['s1'], ['sekjen'], null],
      ]);
      expect(conflicts[0]).toMatchObject({
        roles: ['speaker'],
        unavailable: unavailable.map(([start, end]) => ({ start, end })),
      });
    });

    it.each<[string, AgendaItem]>([
      [
        'the item fills the available range exactly',
        timed('s1', '2022-06-28T19:00', '2022-06-28T22:00', speaking),
      ],
      [
        'touching ranges together cover the item',
        timed('s1', '2022-06-29T09:00', '2022-06-29T11:00', speaking),
      ],
      [
        'the person stated no availability (empty list)',
        timed('s1', '2022-06-30T03:00', '2022-06-30T04:00', {
          holders: [person('moderator', 'ilham')],
        }),
      ],
      [
        'the person is not in the context',
        timed('s1', '2022-06-30T03:00', '2022-06-30T04:00', {
          holders: [person('moderator', 'someone')],
        }),
      ],
      [
        'an organization holds the role',
        timed('s1', '2022-06-30T03:00', '2022-06-30T04:00', { holders: [team('speaker', 'grid')] }),
      ],
      ['the item is unscheduled', buildItem({ id: 's1', ...speaking })],
    ])('should report nothing when %s', (_case, item) => {
      expect(detectConflicts([item], AVAILABLE)).toEqual([]);
    });

    it('should warn once with both roles when one person holds two roles in the item', () => {
      const conflicts = detectConflicts(
        [
          timed('s1', '2022-06-29T13:00', '2022-06-29T14:00', {
            holders: [person('moderator', 'sekjen'), person('speaker', 'sekjen')],
          }),
        ],
        AVAILABLE,
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ roles: ['speaker', 'moderator'] });
    });
  });

  describe('room size', () => {
    it.each<[string, AgendaItem, ReturnType<typeof summary>[]]>([
      [
        'the expected audience exceeds the room (warning)',
        buildItem({ id: 's1', roomId: 'ballroom', expectedAudience: 250 }),
        [['room_too_small', 'warning', ['s1'], [], 'ballroom']],
      ],
      [
        "the item's own seats exceed the room (error)",
        buildItem({ id: 's1', roomId: 'melati', capacity: 45, expectedAudience: 30 }),
        [['room_too_small', 'error', ['s1'], [], 'melati']],
      ],
      [
        'an unscheduled item expects more than its room holds',
        buildItem({ id: 's1', roomId: 'melati', expectedAudience: 41 }),
        [['room_too_small', 'warning', ['s1'], [], 'melati']],
      ],
      [
        'the audience equals the room',
        buildItem({ id: 's1', roomId: 'ballroom', expectedAudience: 200, capacity: 200 }),
        [],
      ],
      [
        'the room size is unknown',
        buildItem({ id: 's1', roomId: 'lobby', expectedAudience: 1000 }),
        [],
      ],
      ['the item has no room', buildItem({ id: 's1', expectedAudience: 1000 }), []],
      [
        'the room is not in the context',
        buildItem({ id: 's1', roomId: 'elsewhere', expectedAudience: 1000 }),
        [],
      ],
    ])('should check the room when %s', (_case, item, expected) => {
      expect(detectConflicts([item], PLAIN).map(summary)).toEqual(expected);
    });

    it('should say which number is too big when the room is too small', () => {
      const [conflict] = detectConflicts(
        [buildItem({ id: 's1', roomId: 'melati', capacity: 45, expectedAudience: 60 })],
        PLAIN,
      );
      expect(conflict).toMatchObject({ audience: 45, basis: 'capacity', roomCapacity: 40 });
    });
  });

  describe('ISHOMA', () => {
    it.each<[string, AgendaItem[], AgendaContext, ReturnType<typeof summary>[]]>([
      [
        'a three-hour session runs over ISHOMA',
        [timed('s1', '2022-06-29T11:00', '2022-06-29T14:00')],
        WITH_ISHOMA,
        [['over_fixed_break', 'error', ['s1'], [], null]],
      ],
      [
        'a session ends when ISHOMA starts',
        [timed('s1', '2022-06-29T09:00', '2022-06-29T12:00')],
        WITH_ISHOMA,
        [],
      ],
      [
        'a session starts when ISHOMA ends',
        [timed('s1', '2022-06-29T13:00', '2022-06-29T16:00')],
        WITH_ISHOMA,
        [],
      ],
      [
        'the item is the ISHOMA itself',
        [timed('s1', '2022-06-29T12:00', '2022-06-29T13:00', { type: 'meal_prayer' })],
        WITH_ISHOMA,
        [],
      ],
      [
        'the item is a coffee break',
        [timed('s1', '2022-06-29T11:45', '2022-06-29T12:15', { type: 'break' })],
        WITH_ISHOMA,
        [],
      ],
      [
        'the rules allow items over ISHOMA',
        [timed('s1', '2022-06-29T11:00', '2022-06-29T14:00')],
        buildContext({
          breakRules: { ishoma: { from: '12:00', to: '13:00' }, ishomaForbidsItems: false },
        }),
        [],
      ],
      [
        'the item is on a day after the event',
        [timed('s1', '2022-07-01T11:00', '2022-07-01T14:00')],
        WITH_ISHOMA,
        [['outside_event_days', 'error', ['s1'], [], null]],
      ],
    ])('should check the fixed break when %s', (_case, items, context, expected) => {
      expect(detectConflicts(items, context).map(summary)).toEqual(expected);
    });

    it('should report each ISHOMA when one item runs over two days', () => {
      const conflicts = detectConflicts(
        [timed('s1', '2022-06-28T11:00', '2022-06-29T12:30')],
        WITH_ISHOMA,
      );
      expect(
        conflicts.map((conflict) => conflict.kind === 'over_fixed_break' && conflict.fixedBreak),
      ).toEqual([
        { start: at('2022-06-28T12:00'), end: at('2022-06-28T13:00') },
        { start: at('2022-06-29T12:00'), end: at('2022-06-29T13:00') },
      ]);
    });
  });

  describe('WITA and WIT events', () => {
    const MAKASSAR = 'Asia/Makassar';
    const witaContext = buildContext({
      timeZone: MAKASSAR,
      dayWindows: REFERENCE_WINDOWS,
      breakRules: { ishoma: { from: '12:00', to: '13:00' } },
    });

    it.each<[string, AgendaItem, AgendaContext, string[]]>([
      [
        'a WITA morning session is read in Makassar time',
        timed('s1', '2022-06-29T08:00', '2022-06-29T12:00', {}, MAKASSAR),
        witaContext,
        [],
      ],
      [
        'the same instants are read in Jakarta time (07.00 WIB, before the window)',
        timed('s1', '2022-06-29T08:00', '2022-06-29T12:00', {}, MAKASSAR),
        buildContext({ dayWindows: REFERENCE_WINDOWS, breakRules: witaContext.breakRules }),
        ['outside_day_window'],
      ],
      [
        'a session runs into ISHOMA in WITA',
        timed('s1', '2022-06-29T12:30', '2022-06-29T13:30', {}, MAKASSAR),
        witaContext,
        ['over_fixed_break'],
      ],
      [
        'the first day begins at midnight WIT, not WIB',
        timed('s1', '2022-06-28T00:30', '2022-06-28T01:00', {}, 'Asia/Jayapura'),
        buildContext({ timeZone: 'Asia/Jayapura' }),
        [],
      ],
      [
        'the same instants are before the first day in WIB',
        timed('s1', '2022-06-28T00:30', '2022-06-28T01:00', {}, 'Asia/Jayapura'),
        PLAIN,
        ['outside_event_days'],
      ],
    ])('should read local times in the event zone when %s', (_case, item, context, kinds) => {
      expect(detectConflicts([item], context).map((conflict) => conflict.kind)).toEqual(kinds);
    });
  });

  describe('messages', () => {
    it.each<[string, AgendaItem[], AgendaContext, string, string]>([
      [
        'a person holds two roles at once',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            title: 'Sesi 1',
            holders: [person('speaker', 'sekjen')],
          }),
          timed('s2', '2022-06-29T08:00', '2022-06-29T11:00', {
            title: 'Sesi 2',
            holders: [person('moderator', 'sekjen')],
          }),
        ],
        PLAIN,
        'Dr. Drs. H. Suhajar Diantoro, M.Si menjadi narasumber di "Sesi 1" dan moderator di "Sesi 2" pada Rabu, 29 Juni 2022 pukul 08.00–11.00 WIB.',
        'Dr. Drs. H. Suhajar Diantoro, M.Si is the speaker in "Sesi 1" and the moderator in "Sesi 2", which overlap on Wednesday, 29 June 2022, 08:00–11:00 WIB.',
      ],
      [
        'a team holds roles at once in a WITA event',
        [
          timed(
            's1',
            '2022-06-29T08:00',
            '2022-06-29T11:00',
            { title: 'Sesi 1', holders: [team('speaker', 'grid'), team('panelist', 'grid')] },
            'Asia/Makassar',
          ),
          timed(
            's2',
            '2022-06-29T10:00',
            '2022-06-29T12:00',
            { title: 'Sesi 2', holders: [team('speaker', 'grid')] },
            'Asia/Makassar',
          ),
        ],
        buildContext({ timeZone: 'Asia/Makassar' }),
        'Tim Grid Story Factory menjadi narasumber dan panelis di "Sesi 1" dan narasumber di "Sesi 2" pada Rabu, 29 Juni 2022 pukul 10.00–11.00 WITA.',
        'Tim Grid Story Factory is the speaker and panelist in "Sesi 1" and the speaker in "Sesi 2", which overlap on Wednesday, 29 June 2022, 10:00–11:00 WITA.',
      ],
      [
        'two items share a room over midnight in a WIT event',
        [
          timed(
            'late',
            '2022-06-28T22:00',
            '2022-06-29T01:00',
            { title: 'Malam Keakraban', roomId: 'ballroom' },
            'Asia/Jayapura',
          ),
          timed(
            'night',
            '2022-06-28T23:00',
            '2022-06-29T02:00',
            { title: 'Gladi Resik', roomId: 'ballroom' },
            'Asia/Jayapura',
          ),
        ],
        buildContext({ timeZone: 'Asia/Jayapura' }),
        '"Malam Keakraban" dan "Gladi Resik" sama-sama memakai ruang Ballroom pada Selasa, 28 Juni 2022 pukul 23.00 s.d. Rabu, 29 Juni 2022 pukul 01.00 WIT.',
        '"Malam Keakraban" and "Gladi Resik" both use the room Ballroom on Tuesday, 28 June 2022, 23:00 to Wednesday, 29 June 2022, 01:00 WIT.',
      ],
      [
        'an item is after the last day',
        [timed('s1', '2022-07-01T08:00', '2022-07-01T09:00', { title: 'Kunjungan Lapangan' })],
        PLAIN,
        '"Kunjungan Lapangan" dijadwalkan pada Jumat, 1 Juli 2022 pukul 08.00–09.00 WIB, di luar hari acara (28–30 Juni 2022).',
        '"Kunjungan Lapangan" is scheduled on Friday, 1 July 2022, 08:00–09:00 WIB, outside the event\'s days (28–30 June 2022).',
      ],
      [
        'an unscheduled item is placed after the last day',
        [buildItem({ id: 's1', title: 'Kunjungan Lapangan', day: '2022-07-01' })],
        PLAIN,
        '"Kunjungan Lapangan" ditempatkan pada Jumat, 1 Juli 2022, di luar hari acara (28–30 Juni 2022).',
        '"Kunjungan Lapangan" is placed on Friday, 1 July 2022, outside the event\'s days (28–30 June 2022).',
      ],
      [
        'an item starts before the day window',
        [timed('s1', '2022-06-29T07:00', '2022-06-29T09:00', { title: 'Registrasi' })],
        WINDOWED,
        '"Registrasi" dijadwalkan pada Rabu, 29 Juni 2022 pukul 07.00–09.00 WIB, di luar jam acara hari itu (pukul 08.00–17.30 WIB).',
        '"Registrasi" is scheduled on Wednesday, 29 June 2022, 07:00–09:00 WIB, outside that day\'s hours (08:00–17:30 WIB).',
      ],
      [
        'an item falls on a day without a window',
        [timed('s1', '2022-06-30T08:00', '2022-06-30T09:00', { title: 'Sesi 3' })],
        buildContext({ dayWindows: REFERENCE_WINDOWS.slice(0, 2) }),
        '"Sesi 3" dijadwalkan pada Kamis, 30 Juni 2022 pukul 08.00–09.00 WIB, padahal hari itu tidak ada jam acara.',
        '"Sesi 3" is scheduled on Thursday, 30 June 2022, 08:00–09:00 WIB, a day with no hours set for items.',
      ],
      [
        'a speaker is not available for part of an item',
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T11:00', {
            title: 'Sesi 1',
            holders: [person('speaker', 'sekjen')],
          }),
        ],
        buildContext({
          people: [
            {
              id: 'sekjen',
              name: 'Dr. Drs. H. Suhajar Diantoro, M.Si',
              availability: [{ start: at('2022-06-29T09:00'), end: at('2022-06-29T10:00') }],
            },
          ],
        }),
        'Dr. Drs. H. Suhajar Diantoro, M.Si menjadi narasumber di "Sesi 1" pada Rabu, 29 Juni 2022 pukul 08.00–11.00 WIB, di luar waktu ketersediaannya: tidak tersedia pukul 08.00–09.00 WIB dan pukul 10.00–11.00 WIB.',
        'Dr. Drs. H. Suhajar Diantoro, M.Si is the speaker in "Sesi 1" on Wednesday, 29 June 2022, 08:00–11:00 WIB, outside their availability: not available 08:00–09:00 WIB and 10:00–11:00 WIB.',
      ],
      [
        'the expected audience exceeds the room',
        [buildItem({ id: 's1', title: 'Sesi 1', roomId: 'ballroom', expectedAudience: 1250 })],
        PLAIN,
        '"Sesi 1" diperkirakan dihadiri 1.250 orang, melebihi kapasitas ruang Ballroom (200 orang).',
        '"Sesi 1" expects 1,250 people, more than the room Ballroom holds (200).',
      ],
      [
        "the item's seats exceed the room",
        [buildItem({ id: 's1', title: 'Kelas A', roomId: 'melati', capacity: 45 })],
        PLAIN,
        '"Kelas A" menyediakan 45 kursi, melebihi kapasitas ruang Ruang Melati (40 orang).',
        '"Kelas A" offers 45 seats, more than the room Ruang Melati holds (40).',
      ],
      [
        'a session runs into ISHOMA',
        [timed('s1', '2022-06-29T11:00', '2022-06-29T14:00', { title: 'Sesi 2' })],
        WITH_ISHOMA,
        '"Sesi 2" (Rabu, 29 Juni 2022 pukul 11.00–14.00 WIB) melewati waktu ISHOMA 12.00–13.00 WIB.',
        '"Sesi 2" (Wednesday, 29 June 2022, 11:00–14:00 WIB) runs into the ISHOMA break (prayer and meal), 12:00–13:00 WIB.',
      ],
    ])('should explain it in both languages when %s', (_case, items, context, id, en) => {
      expect(detectConflicts(items, context).map((conflict) => conflict.message)).toEqual([
        { id, en },
      ]);
    });

    it('should name a holder by id when the context does not know them', () => {
      const [conflict] = detectConflicts(
        [
          timed('s1', '2022-06-29T08:00', '2022-06-29T09:00', {
            holders: [person('mc', 'p-42')],
          }),
          timed('s2', '2022-06-29T08:30', '2022-06-29T09:30', {
            holders: [person('mc', 'p-42')],
          }),
        ],
        PLAIN,
      );
      expect(conflict?.message.id).toBe(
        'p-42 menjadi pembawa acara di "s1" dan pembawa acara di "s2" pada Rabu, 29 Juni 2022 pukul 08.30–09.00 WIB.',
      );
    });
  });

  describe('order', () => {
    it('should list conflicts by time, then kind, with unscheduled items last', () => {
      const items = [
        buildItem({ id: 'u', roomId: 'melati', expectedAudience: 50 }),
        timed('late', '2022-06-30T10:00', '2022-06-30T11:00', {
          roomId: 'melati',
          expectedAudience: 50,
        }),
        timed('early-b', '2022-06-29T08:00', '2022-06-29T09:00', { roomId: 'ballroom' }),
        timed('early-a', '2022-06-29T08:00', '2022-06-29T09:00', { roomId: 'ballroom' }),
        timed('outside', '2022-06-27T08:00', '2022-06-27T09:00'),
      ];
      expect(
        detectConflicts(items, PLAIN).map((conflict) => [conflict.kind, conflict.itemIds]),
      ).toEqual([
        ['outside_event_days', ['outside']],
        ['room_double_booked', ['early-a', 'early-b']],
        ['room_too_small', ['late']],
        ['room_too_small', ['u']],
      ]);
    });

    it('should tell hard conflicts from warnings when asked', () => {
      const conflicts = detectConflicts(
        [
          buildItem({ id: 'a', roomId: 'melati', expectedAudience: 50 }),
          buildItem({ id: 'b', roomId: 'melati', capacity: 50 }),
        ],
        PLAIN,
      );
      expect(conflicts.map(isHardConflict)).toEqual([false, true]);
    });
  });
});

describe('overlappingPairs', () => {
  const e = (id: string, start: number, end: number) => ({ id, start, end });

  it.each<[string, ReturnType<typeof e>[], string[]]>([
    ['nothing is given', [], []],
    ['ranges touch', [e('a', 0, 10), e('b', 10, 20)], []],
    ['one range holds another', [e('a', 0, 100), e('b', 10, 20), e('c', 30, 40)], ['a-b', 'a-c']],
    ['ranges are equal (ordered by id)', [e('b', 0, 10), e('a', 0, 10)], ['a-b']],
    [
      'a chain overlaps link by link',
      [e('c', 20, 35), e('a', 0, 15), e('b', 10, 25)],
      ['a-b', 'b-c'],
    ],
  ])('should pair entries when %s', (_case, entries, expected) => {
    expect(overlappingPairs(entries).map(([a, b]) => `${a.id}-${b.id}`)).toEqual(expected);
  });
});

// ---- the reference: all pairs, the obvious way ---------------------------------------------------

type Timed = AgendaItem & { start: number; end: number };

/** Every double booking, as keys, found by comparing every pair of items. */
function naiveDoubleBookings(items: readonly AgendaItem[]): string[] {
  const scheduled = items.filter(
    (item): item is Timed => item.start !== null && item.end !== null && item.end > item.start,
  );
  const holdersOf = (item: AgendaItem) => {
    const roles = new Map<string, Set<SessionRole>>();
    for (const holder of item.holders) {
      for (const key of [
        holder.personId ? `person:${holder.personId}` : null,
        holder.organizationId ? `organization:${holder.organizationId}` : null,
      ]) {
        if (key === null) continue;
        roles.set(key, (roles.get(key) ?? new Set()).add(holder.role));
      }
    }
    return roles;
  };
  const roleList = (roles: Set<SessionRole>) =>
    SESSION_ROLES.filter((role) => roles.has(role)).join(',');
  const keys: string[] = [];
  for (let i = 0; i < scheduled.length; i++) {
    for (let j = i + 1; j < scheduled.length; j++) {
      let a = scheduled[i]!;
      let b = scheduled[j]!;
      const aFirst = a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1);
      if (aFirst > 0) [a, b] = [b, a];
      if (!(a.start < b.end && b.start < a.end)) continue;
      const overlap = `${Math.max(a.start, b.start)}-${Math.min(a.end, b.end)}`;
      const rolesB = holdersOf(b);
      for (const [key, rolesA] of holdersOf(a)) {
        const other = rolesB.get(key);
        if (other) {
          keys.push(
            `person_double_booked|${a.id}|${b.id}|${key}|${roleList(rolesA)}|${roleList(other)}|${overlap}`,
          );
        }
      }
      if (a.roomId !== null && a.roomId === b.roomId) {
        keys.push(`room_double_booked|${a.id}|${b.id}|room:${a.roomId}|${overlap}`);
      }
    }
  }
  return keys.sort();
}

/** The same keys, read from what detectConflicts found. */
function sweptDoubleBookings(conflicts: readonly Conflict[]): string[] {
  const keys: string[] = [];
  for (const conflict of conflicts) {
    const [a, b] = conflict.itemIds;
    if (conflict.kind === 'person_double_booked') {
      const holder = conflict.personIds[0]
        ? `person:${conflict.personIds[0]}`
        : `organization:${conflict.organizationIds[0] ?? ''}`;
      keys.push(
        `person_double_booked|${a}|${b}|${holder}|${conflict.roles[0].join(',')}|${conflict.roles[1].join(',')}|${conflict.overlap.start}-${conflict.overlap.end}`,
      );
    } else if (conflict.kind === 'room_double_booked') {
      keys.push(
        `room_double_booked|${a}|${b}|room:${conflict.roomId}|${conflict.overlap.start}-${conflict.overlap.end}`,
      );
    }
  }
  return keys.sort();
}

const BASE = at('2022-06-29T08:00');
const POOL_PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4'];
const POOL_TEAMS = ['o0', 'o1'];
const POOL_ROOMS = ['ballroom', 'melati', 'r2'];

const holderArbitrary: fc.Arbitrary<AgendaRoleHolder> = fc.oneof(
  fc.record({ role: fc.constantFrom(...SESSION_ROLES), personId: fc.constantFrom(...POOL_PEOPLE) }),
  fc.record({
    role: fc.constantFrom(...SESSION_ROLES),
    organizationId: fc.constantFrom(...POOL_TEAMS),
  }),
);

/** Starts and lengths on a half-hour grid half the time, so that touching ends are common. */
const minuteArbitrary = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: max / 30 }).map((slots) => slots * 30),
    fc.integer({ min: 0, max }),
  );

const itemsArbitrary: fc.Arbitrary<AgendaItem[]> = fc
  .array(
    fc.record({
      start: fc.option(minuteArbitrary(720), { nil: null, freq: 6 }),
      minutes: minuteArbitrary(240),
      roomId: fc.option(fc.constantFrom(...POOL_ROOMS), { nil: null }),
      holders: fc.array(holderArbitrary, { maxLength: 4 }),
    }),
    { maxLength: 40 },
  )
  .map((raw) =>
    raw.map(({ start, minutes, roomId, holders }, index) =>
      buildItem({
        id: `i${index}`,
        start: start === null ? null : BASE + start * MINUTE,
        end: start === null ? null : BASE + (start + minutes) * MINUTE,
        durationMinutes: Math.max(minutes, 1),
        roomId,
        holders,
      }),
    ),
  );

describe('detectConflicts against the all-pairs reference', () => {
  const context = buildContext({ people: POOL_PEOPLE.map((id) => ({ id, name: id })) });

  it('should find exactly the double bookings all pairs find when items are random', () => {
    fc.assert(
      fc.property(itemsArbitrary, (items) => {
        expect(sweptDoubleBookings(detectConflicts(items, context))).toEqual(
          naiveDoubleBookings(items),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('should give the same list in the same order when the items come in any order', () => {
    fc.assert(
      fc.property(
        itemsArbitrary.chain((items) =>
          fc.tuple(
            fc.constant(items),
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
          ),
        ),
        ([items, shuffled]) => {
          expect(detectConflicts(shuffled, context)).toEqual(detectConflicts(items, context));
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---- scale -----------------------------------------------------------------------------------

/** A seeded generator (mulberry32), so that the large event is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A big event: 3 days, 250 rooms filled back to back on a half-hour grid from 08:00 to 17:00
 * (with a few items nudged so that rooms clash), 400 people holding one or two roles per item,
 * half of them with availability, and ISHOMA.
 */
function largeEvent(count: number): { items: AgendaItem[]; context: AgendaContext } {
  const random = seeded(20220628);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const days = ['2022-06-28', '2022-06-29', '2022-06-30'];
  const rooms = Array.from({ length: 250 }, (_, index) => ({
    id: `room-${index}`,
    name: `Ruang ${index}`,
    capacity: 20 + Math.floor(random() * 200),
  }));
  const people = Array.from({ length: 400 }, (_, index) => ({
    id: `person-${index}`,
    name: `Peserta ${index}`,
    availability:
      index % 2 === 0
        ? days.map((day) => ({ start: at(`${day}T08:00`), end: at(`${day}T15:00`) }))
        : undefined,
  }));
  const items: AgendaItem[] = [];
  let room = 0;
  let day = 0;
  let cursor = at(`${days[0]}T08:00`);
  while (items.length < count) {
    const minutes = 30 * (1 + Math.floor(random() * 4));
    const dayEnd = at(`${days[day]}T17:00`);
    if (cursor + minutes * MINUTE > dayEnd) {
      room += 1;
      if (room === rooms.length) {
        room = 0;
        day = (day + 1) % days.length;
      }
      cursor = at(`${days[day]}T08:00`);
      continue;
    }
    const nudge = random() < 0.02 ? -15 * MINUTE : 0;
    const id = `item-${String(items.length).padStart(5, '0')}`;
    items.push(
      buildItem({
        id,
        title: `Sesi ${items.length + 1}`,
        start: random() < 0.05 ? null : cursor + nudge,
        end: cursor + nudge + minutes * MINUTE,
        durationMinutes: minutes,
        roomId: rooms[room]!.id,
        expectedAudience: 10 + Math.floor(random() * 150),
        holders: Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
          role: pick(SESSION_ROLES),
          personId: pick(people).id,
        })),
      }),
    );
    cursor += minutes * MINUTE;
  }
  for (const item of items) {
    if (item.start === null) item.end = null;
  }
  return {
    items,
    context: buildContext({
      rooms,
      people,
      dayWindows: days.map((date) => ({ date, from: '08:00', to: '17:00' })),
      breakRules: { ishoma: { from: '12:00', to: '13:00' } },
    }),
  };
}

describe('detectConflicts on a large event', () => {
  it('should finish when there are 5,000 items and 400 people', () => {
    const { items, context } = largeEvent(5000);
    const conflicts = detectConflicts(items, context);
    const kinds = new Set(conflicts.map((conflict) => conflict.kind));
    expect([...kinds].sort()).toEqual(
      [
        'outside_availability',
        'outside_day_window',
        'over_fixed_break',
        'person_double_booked',
        'room_double_booked',
        'room_too_small',
      ].sort(),
    );
    expect(conflicts.every((conflict) => conflict.message.id !== '')).toBe(true);
  });

  it('should match the all-pairs reference when a sample of the large event is checked', () => {
    const { items, context } = largeEvent(800);
    expect(sweptDoubleBookings(detectConflicts(items, context))).toEqual(
      naiveDoubleBookings(items),
    );
  });
});
