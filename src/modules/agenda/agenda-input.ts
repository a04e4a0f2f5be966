import type { EventRecord } from '../events/events.repository';
import { composeDisplayName } from '../people/domain/display-name';
import type { SessionRecord } from '../sessions/sessions.repository';
import type { AgendaContext, AgendaItem } from './domain/agenda-types';

/** The event and its items as the agenda's pure core takes them. */
export function toAgendaInput(
  event: EventRecord,
  sessions: readonly SessionRecord[],
): { items: AgendaItem[]; context: AgendaContext } {
  const people = new Map<string, string>();
  const organizations = new Map<string, string>();
  for (const holder of sessions.flatMap((session) => session.roles)) {
    if (holder.personId !== null && holder.name !== null) {
      people.set(holder.personId, composeDisplayName({ ...holder, name: holder.name }));
    }
    if (holder.organizationId !== null && holder.organizationName !== null) {
      organizations.set(holder.organizationId, holder.organizationName);
    }
  }
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
      rooms: event.rooms,
      people: [...people].map(([id, name]) => ({ id, name })),
      organizations: [...organizations].map(([id, name]) => ({ id, name })),
    },
  };
}
