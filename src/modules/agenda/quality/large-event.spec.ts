import type { AgendaItem } from '../domain/agenda-types';
import { detectConflicts } from '../domain/conflicts';
import {
  generateSchedule,
  scheduleDays,
  type Infeasibility,
  type PlacedItem,
} from '../domain/generate-schedule';
import { rangesOverlap } from '../domain/time-ranges';
import { LARGE_EVENT, syntheticEvent, type SyntheticEvent } from './synthetic-event';

const MINUTE = 60_000;
/** Every instant in the synthetic events (windows, ISHOMA, availability, durations) is on it. */
const GRID = 15 * MINUTE;

/**
 * Whether `item` could still go somewhere in the final schedule: a start on the grid, on its day
 * (any day when it has none), within its ordering bounds, clear of every plenary and break (the
 * generator's rule: they have the venue to themselves), where `detectConflicts` finds nothing
 * against it (no hard conflict, and within its people's availability). Every instant of the
 * synthetic event lies on the grid, so a free start exists if and only if one on the grid does.
 */
function fitsSomewhere(
  item: AgendaItem,
  event: SyntheticEvent,
  placed: readonly PlacedItem[],
): boolean {
  const byId = new Map(placed.map((p) => [p.id, p]));
  const lower = Math.max(
    -Infinity,
    ...event.ordering
      .filter((o) => o.after === item.id)
      .map((o) => byId.get(o.before)?.end ?? -Infinity),
  );
  const upper = Math.min(
    Infinity,
    ...event.ordering
      .filter((o) => o.before === item.id)
      .map((o) => byId.get(o.after)?.start ?? Infinity),
  );
  const holders = new Set(
    item.holders.flatMap((h) => [h.personId, h.organizationId]).filter(Boolean),
  );
  const venueWide = placed.filter((p) => p.roomId === null);
  const related = placed.filter(
    (p) =>
      p.roomId === item.roomId ||
      p.holders.some((h) => holders.has(h.personId) || holders.has(h.organizationId)),
  );
  const days = scheduleDays(event.context).filter((d) => item.day === null || d.date === item.day);
  for (const day of days) {
    for (const window of day.windows) {
      for (
        let start = window.start;
        start + item.durationMinutes * MINUTE <= window.end;
        start += GRID
      ) {
        const candidate = { ...item, start, end: start + item.durationMinutes * MINUTE };
        if (candidate.start < lower || candidate.end > upper) continue;
        if (venueWide.some((p) => rangesOverlap(p, candidate))) continue;
        const nearby = related.filter((p) => rangesOverlap(p, candidate));
        const conflicts = detectConflicts([...nearby, candidate], event.context);
        if (!conflicts.some((c) => c.itemIds.includes(item.id))) return true;
      }
    }
  }
  return false;
}

describe('generateSchedule on the large synthetic event', () => {
  const event = syntheticEvent(LARGE_EVENT);
  const result = generateSchedule(event);
  const itemsById = new Map(event.items.map((item) => [item.id, item]));
  const unplacedIds = new Set(result.unplaced.map((u) => u.itemIds[0]));

  it('should give a rundown without any conflict when placing 600 items in 12 rooms over 3 days', () => {
    expect(event.items).toHaveLength(600);
    expect(detectConflicts(result.placed, event.context)).toEqual([]);
  });

  it('should account for every item when generating', () => {
    const placedIds = new Set(result.placed.map((p) => p.id));
    for (const item of event.items) {
      expect(placedIds.has(item.id) !== unplacedIds.has(item.id)).toBe(true);
    }
    expect(result.placed.filter((p) => itemsById.has(p.id)).length).toBeGreaterThan(540);
  });

  it('should leave out only items that fit nowhere in the final schedule', () => {
    const reasons = (u: Infeasibility) => {
      const item = itemsById.get(u.itemIds[0] ?? '') as AgendaItem;
      switch (u.constraint) {
        case 'ordering':
          // Left out because an item it must follow was left out.
          return u.itemIds.slice(1).every((id) => unplacedIds.has(id));
        case 'day_too_short':
        case 'people_unavailable':
          return !fitsSomewhere(item, event, result.placed);
        case 'invalid_duration':
        case 'no_day_window':
        case 'outside_event_days':
          // The synthetic event has none of these.
          return false;
      }
    };
    const untrue = result.unplaced.filter((u) => !reasons(u)).map((u) => u.itemIds[0]);
    expect(untrue).toEqual([]);
  });

  it('should give the same schedule when run twice on the same event', () => {
    expect(generateSchedule(syntheticEvent(LARGE_EVENT))).toEqual(result);
  });
});
