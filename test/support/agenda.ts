import type { AgendaItem } from '../../src/modules/agenda/domain/agenda-types';

/** An unscheduled one-hour workshop item named by its id; override what the test is about. */
export function buildItem(overrides: Partial<AgendaItem> & { id: string }): AgendaItem {
  return {
    title: overrides.id,
    type: 'workshop',
    start: null,
    end: null,
    durationMinutes: 60,
    day: null,
    roomId: null,
    expectedAudience: null,
    holders: [],
    ...overrides,
  };
}
