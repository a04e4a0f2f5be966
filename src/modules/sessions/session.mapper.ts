import { formatInZone } from '../../common/time/zoned-time';
import { composeDisplayName } from '../people/domain/display-name';
import type { SessionDto, SessionRoleDto } from './dto/session.dto';
import type { RoleHolderRecord, SessionRecord } from './sessions.repository';

export function toSessionDto(session: SessionRecord): SessionDto {
  const zone = session.timeZone;
  return {
    id: session.id,
    eventId: session.eventId,
    type: session.type,
    title: session.title,
    description: session.description,
    day: session.day,
    startsAt: session.startsAt ? formatInZone(session.startsAt, zone) : null,
    endsAt: session.endsAt ? formatInZone(session.endsAt, zone) : null,
    durationMinutes: session.durationMinutes,
    room:
      session.roomId !== null && session.roomName !== null
        ? { id: session.roomId, name: session.roomName, capacity: session.roomCapacity }
        : null,
    track: session.track,
    capacity: session.capacity,
    position: session.position,
    roles: session.roles.map(toSessionRoleDto),
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

function toSessionRoleDto(holder: RoleHolderRecord): SessionRoleDto {
  return {
    role: holder.role,
    person:
      holder.personId !== null
        ? {
            id: holder.personId,
            displayName: composeDisplayName({
              titlesBefore: holder.titlesBefore,
              name: holder.name ?? '',
              titlesAfter: holder.titlesAfter,
            }),
            position: holder.position,
          }
        : null,
    organization:
      holder.organizationId !== null
        ? {
            id: holder.organizationId,
            name: holder.organizationName ?? '',
            acronym: holder.organizationAcronym,
          }
        : null,
  };
}
