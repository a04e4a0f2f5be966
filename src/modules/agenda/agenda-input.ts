import { localDateOf } from '../../common/time/zoned-time';
import type { EventRecord } from '../events/events.repository';
import { composeDisplayName } from '../people/domain/display-name';
import type { RoleHolderRecord, SessionRecord } from '../sessions/sessions.repository';
import type { AgendaPlanEntity } from './agenda-plan.entity';
import type { AgendaContext, AgendaItem } from './domain/agenda-types';
import type { OrderingConstraint } from './domain/generate-schedule';
import type { PublishedItem } from './domain/published-item';
import type { Rundown, RundownEvent } from './render/rundown';

/** The event, its items and its plan as the agenda's pure core takes them. */
export interface AgendaInput {
  items: AgendaItem[];
  context: AgendaContext;
  ordering: OrderingConstraint[];
  pinnedIds: string[];
}

export function toAgendaInput(
  event: EventRecord,
  sessions: readonly SessionRecord[],
  plan: AgendaPlanEntity | null,
): AgendaInput {
  const ids = new Set(sessions.map((session) => session.id));
  const people = new Map<string, string>();
  const organizations = new Map<string, string>();
  for (const holder of sessions.flatMap((session) => session.roles)) {
    if (holder.personId !== null) people.set(holder.personId, holderName(holder));
    if (holder.organizationId !== null && holder.organizationName !== null) {
      organizations.set(holder.organizationId, holder.organizationName);
    }
  }
  const availability = new Map<string, { start: number; end: number }[]>();
  for (const span of plan?.availability ?? []) {
    const ranges = availability.get(span.personId) ?? [];
    ranges.push({ start: Date.parse(span.from), end: Date.parse(span.to) });
    availability.set(span.personId, ranges);
  }
  const personIds = new Set([...people.keys(), ...availability.keys()]);
  return {
    items: sessions.map((session) => ({
      id: session.id,
      title: session.title,
      type: session.type,
      start: session.startsAt?.getTime() ?? null,
      end: session.endsAt?.getTime() ?? null,
      durationMinutes: session.durationMinutes,
      day: session.day,
      roomId: session.roomId,
      expectedAudience: null,
      capacity: session.capacity,
      holders: session.roles.map((holder) => ({
        role: holder.role,
        personId: holder.personId,
        organizationId: holder.organizationId,
      })),
    })),
    context: {
      timeZone: event.timeZone,
      startDate: event.startDate,
      endDate: event.endDate,
      dayWindows: plan?.dayWindows ?? [],
      breakRules: plan?.breakRules ?? {},
      rooms: event.rooms,
      people: [...personIds].map((id) => ({
        id,
        name: people.get(id) ?? id,
        availability: availability.get(id) ?? [],
      })),
      organizations: [...organizations].map(([id, name]) => ({ id, name })),
    },
    ordering: (plan?.ordering ?? []).filter((o) => ids.has(o.before) && ids.has(o.after)),
    pinnedIds: (plan?.pinnedSessionIds ?? []).filter((id) => ids.has(id)),
  };
}

/** The items as a version freezes them, in rundown order; SEQUENCE is given later. */
export function toPublishedItems(
  sessions: readonly SessionRecord[],
): Omit<PublishedItem, 'sequence'>[] {
  return sessions.map((session) => ({
    id: session.id,
    title: session.title,
    type: session.type,
    description: session.description,
    start: session.startsAt?.getTime() ?? null,
    end: session.endsAt?.getTime() ?? null,
    durationMinutes: session.durationMinutes,
    day: session.day,
    roomId: session.roomId,
    roomName: session.roomName,
    track: session.track,
    holders: session.roles.map((holder) => ({
      role: holder.role,
      personId: holder.personId,
      organizationId: holder.organizationId,
      name: holderName(holder),
    })),
  }));
}

/** The person's display name with titles, or the team's name. */
function holderName(holder: RoleHolderRecord): string {
  return holder.name !== null
    ? composeDisplayName({ ...holder, name: holder.name })
    : (holder.organizationName ?? '');
}

/** The event's header as rundowns show it. */
export function toRundownEvent(event: EventRecord): RundownEvent {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    timeZone: event.timeZone,
    startDate: event.startDate,
    endDate: event.endDate,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueCity: event.venueCity,
    organizerName: event.organizerName,
  };
}

/**
 * The rundown of these items: the timed ones, by start, end, then id; for a person, only the
 * items where they hold a role.
 */
export function toRundown(
  event: RundownEvent,
  items: readonly PublishedItem[],
  options: { version: number | null; asOf: number; person: { id: string; name: string } | null },
): Rundown {
  const person = options.person;
  const timed = items
    .filter((item) => item.start !== null && item.end !== null)
    .filter((item) => !person || item.holders.some((holder) => holder.personId === person.id))
    .map((item) => ({
      id: item.id,
      title: item.title,
      type: item.type,
      description: item.description,
      start: item.start as number,
      end: item.end as number,
      day: localDateOf(new Date(item.start as number), event.timeZone),
      roomId: item.roomId,
      roomName: item.roomName,
      track: item.track,
      holders: item.holders,
      sequence: item.sequence,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { event, version: options.version, asOf: options.asOf, person, items: timed };
}
