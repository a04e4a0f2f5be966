import { DateTime } from 'luxon';
import type { AgendaContext } from './agenda-types';
import { scoreSchedule, trackIdle } from './schedule-objective';
import { buildItem } from '../../../../test/support/agenda';

const JAKARTA = 'Asia/Jakarta';
const at = (local: string) => DateTime.fromISO(local, { zone: JAKARTA }).toMillis();
const MINUTE = 60_000;

const context: AgendaContext = {
  timeZone: JAKARTA,
  startDate: '2022-06-29',
  endDate: '2022-06-29',
  dayWindows: [{ date: '2022-06-29', from: '08:00', to: '17:00' }],
  rooms: [
    { id: 'a', name: 'Ruang A', capacity: 50 },
    { id: 'b', name: 'Ruang B', capacity: 50 },
  ],
  people: [],
  breakRules: { ishoma: { from: '12:00', to: '13:00' } },
};

const placed = (id: string, roomId: string | null, from: string, to: string) => ({
  id,
  roomId,
  type: 'workshop' as const,
  day: '2022-06-29',
  start: at(`2022-06-29T${from}`),
  end: at(`2022-06-29T${to}`),
});

describe(scoreSchedule.name, () => {
  const items = [
    buildItem({ id: 'a1', day: '2022-06-29', roomId: 'a' }),
    buildItem({ id: 'a2', day: '2022-06-29', roomId: 'a' }),
    buildItem({ id: 'b1', day: '2022-06-29', roomId: 'b', durationMinutes: 30 }),
  ];

  it('should count waiting before each room’s last item, outside ISHOMA, when scoring', () => {
    const score = scoreSchedule(context, items, [
      placed('a1', 'a', '08:00', '09:00'),
      placed('a2', 'a', '13:30', '14:30'),
      placed('b1', 'b', '09:00', '09:30'),
    ]);
    // Room A waits 09:00–12:00 and 13:00–13:30; room B 08:00–09:00.
    expect(score).toEqual({
      idleMinutes: 210 + 60,
      brokenOrder: 0,
      unplaced: 0,
      unplacedMinutes: 0,
      objective: 270,
    });
  });

  it('should charge a reversed program pair and each minute left out when scoring', () => {
    const score = scoreSchedule(context, items, [
      placed('a2', 'a', '08:00', '09:00'),
      placed('a1', 'a', '09:00', '10:00'),
    ]);
    expect(score).toEqual({
      idleMinutes: 0,
      brokenOrder: 1,
      unplaced: 1,
      unplacedMinutes: 30,
      objective: 60 + 8 * 30,
    });
  });
});

describe(trackIdle.name, () => {
  it('should count nothing after the last member nor under a break when measuring one track', () => {
    const opening = at('2022-06-29T08:00');
    const usable = [{ start: opening, end: at('2022-06-29T17:00') }];
    const members = [{ start: at('2022-06-29T09:00'), end: at('2022-06-29T10:00') }];
    const breaks = [{ start: at('2022-06-29T08:30'), end: at('2022-06-29T08:45') }];
    expect(trackIdle(opening, usable, members, breaks) / MINUTE).toBe(45);
    expect(trackIdle(opening, usable, [], breaks)).toBe(0);
  });
});
