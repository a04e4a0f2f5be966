import { formatInZone } from '../../common/time/zoned-time';
import { sessionSortKey } from '../sessions/domain/session-times';
import type { SessionRecord, SessionPlacement } from '../sessions/sessions.repository';
import { toAgendaInput } from './agenda-input';
import type { AgendaPlanEntity } from './agenda-plan.entity';
import type { AgendaVersionEntity } from './agenda-version.entity';
import type { EventRecord } from '../events/events.repository';
import { detectConflicts } from './domain/conflicts';
import { generateSchedule, type PlacedItem, type ScheduleResult } from './domain/generate-schedule';
import { toConflictsDto } from './agenda.mapper';
import type { GeneratedAgendaDto, RescheduleScope } from './dto/generate-agenda.dto';

/** What generation works from: the event, its items, its plan and its latest version. */
export interface GenerationState {
  event: EventRecord;
  sessions: SessionRecord[];
  plan: AgendaPlanEntity | null;
  latest: AgendaVersionEntity | null;
}

export interface Generation {
  result: ScheduleResult;
  /** Generated breaks of items that move: made again by this generation. */
  removedBreakIds: string[];
  /** The answer; `items` follows `result.placed` one to one. */
  dto: GeneratedAgendaDto;
}

/**
 * Runs the generator over the event's agenda. Pinned items always stay; with `unscheduled` every
 * item with times stays too, with `unpublished` the items of the latest version stay, with `all`
 * only the pinned ones. Breaks without role holders among the items that move are dropped, since
 * the generator makes the breaks the new times need.
 */
export function runGeneration(state: GenerationState, scope: RescheduleScope): Generation {
  const input = toAgendaInput(state.event, state.sessions, state.plan);
  const published = new Set(
    (state.latest?.items ?? []).filter((item) => item.start !== null).map((item) => item.id),
  );
  const stays = new Set(input.pinnedIds);
  for (const item of input.items) {
    const timed = item.start !== null && item.end !== null;
    if (timed && (scope === 'unscheduled' || (scope === 'unpublished' && published.has(item.id)))) {
      stays.add(item.id);
    }
  }
  const removedBreakIds = input.items
    .filter(
      (item) =>
        (item.type === 'break' || item.type === 'meal_prayer') &&
        item.holders.length === 0 &&
        item.start !== null &&
        !stays.has(item.id),
    )
    .map((item) => item.id);
  const removed = new Set(removedBreakIds);
  const items = input.items.filter((item) => !removed.has(item.id));
  const result = generateSchedule({
    context: input.context,
    items,
    ordering: input.ordering,
    keepScheduled: false,
    pinnedIds: [...stays],
  });
  const placedIds = new Set(result.placed.map((item) => item.id));
  const after = [...result.placed, ...items.filter((item) => !placedIds.has(item.id))];
  const zone = state.event.timeZone;
  return {
    result,
    removedBreakIds,
    dto: {
      applied: false,
      items: result.placed.map((item) => ({
        sessionId: item.placement === 'break' ? null : item.id,
        title: item.title,
        type: item.type,
        day: item.day,
        startsAt: formatInZone(new Date(item.start), zone),
        endsAt: formatInZone(new Date(item.end), zone),
        roomId: item.roomId,
        placement: item.placement,
      })),
      unplaced: result.unplaced.map((entry) => ({
        constraint: entry.constraint,
        itemIds: entry.itemIds,
        day: entry.day,
        minutesLeft: entry.minutesLeft ?? null,
        message: entry.message,
      })),
      removedBreakIds,
      conflicts: toConflictsDto(detectConflicts(after, input.context)),
    },
  };
}

/** The new times of a placed item, with the sort key they give it. */
export function placementOf(item: PlacedItem, position: number): SessionPlacement {
  const startsAt = new Date(item.start);
  return {
    id: item.id,
    day: item.day,
    startsAt,
    endsAt: new Date(item.end),
    sortKey: sessionSortKey({ day: item.day, startsAt, position }),
  };
}
