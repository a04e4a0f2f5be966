import { detectConflicts } from '../domain/conflicts';
import { LARGE_EVENT, smallEventOptions, syntheticEvent } from './synthetic-event';

describe(syntheticEvent.name, () => {
  const event = syntheticEvent(LARGE_EVENT);

  it('should give the same event when given the same seed', () => {
    expect(syntheticEvent(LARGE_EVENT)).toEqual(event);
  });

  it('should give another event when given another seed', () => {
    expect(syntheticEvent({ ...LARGE_EVENT, seed: LARGE_EVENT.seed + 1 }).items).not.toEqual(
      event.items,
    );
  });

  it('should have the asked size when building the large event', () => {
    expect(event.items).toHaveLength(600);
    expect(event.context.rooms).toHaveLength(12);
    expect(event.context.people).toHaveLength(400);
    expect([event.context.startDate, event.context.endDate]).toEqual(['2026-03-10', '2026-03-12']);
  });

  // 600 items in 12 rooms over 3 days leave about 34 minutes a session at the default load: most
  // are 30-minute group sessions, with a few longer ones.
  it('should use 30 to 180 minutes on a 15-minute grid when drawing durations', () => {
    for (const item of event.items) {
      expect(item.durationMinutes).toBeGreaterThanOrEqual(30);
      expect(item.durationMinutes).toBeLessThanOrEqual(180);
      expect(item.durationMinutes % 15).toBe(0);
    }
    const small = syntheticEvent(smallEventOptions(5)).items.map((i) => i.durationMinutes);
    expect(Math.max(...small)).toBeGreaterThanOrEqual(120);
  });

  it('should pin the plenaries and leave the room sessions to generation', () => {
    const pinned = event.items.filter((i) => i.start !== null);
    expect(pinned.map((i) => [i.id, i.roomId])).toEqual([
      ['pembukaan', null],
      ['arahan', null],
      ['pleno-2', null],
      ['pleno-3', null],
      ['rumusan', null],
      ['penutupan', null],
    ]);
    expect(detectConflicts(pinned, event.context)).toEqual([]);
    expect(event.items.filter((i) => i.start === null).every((i) => i.roomId !== null)).toBe(true);
  });

  it('should fit every session in its room and give people several roles', () => {
    const rooms = new Map(event.context.rooms.map((r) => [r.id, r.capacity ?? 0]));
    const roles = new Map<string, number>();
    for (const item of event.items) {
      if (item.roomId !== null) {
        expect(item.expectedAudience ?? 0).toBeLessThanOrEqual(rooms.get(item.roomId) ?? 0);
        expect(item.capacity ?? 0).toBeLessThanOrEqual(rooms.get(item.roomId) ?? 0);
      }
      for (const h of item.holders) {
        if (h.personId) roles.set(h.personId, (roles.get(h.personId) ?? 0) + 1);
      }
    }
    expect([...roles.values()].filter((n) => n >= 3).length).toBeGreaterThan(100);
    const withAvailability = event.context.people.filter((p) => p.availability);
    expect(withAvailability.length).toBeGreaterThan(20);
    const ids = new Set(event.items.map((i) => i.id));
    expect(event.ordering.every((o) => ids.has(o.before) && ids.has(o.after))).toBe(true);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'should give at most 30 items on a 30-minute grid when building small instance %i',
    (seed) => {
      const small = syntheticEvent(smallEventOptions(seed));
      expect(small.items.length).toBeLessThanOrEqual(30);
      expect(small.items.every((i) => i.durationMinutes % 30 === 0)).toBe(true);
      expect(small.context.breakRules?.coffeeBreakMinutes).toBeUndefined();
    },
  );
});
