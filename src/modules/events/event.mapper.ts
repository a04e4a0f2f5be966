import { formatInZone, timeZoneLabelOn } from '../../common/time/zoned-time';
import { isOpenRegistration } from './domain/event-settings';
import { nextStatuses } from './domain/event-status';
import type { EventDto, RoomDto } from './dto/event.dto';
import type { EventRecord, RoomRecord } from './events.repository';

export function toEventDto(event: EventRecord): EventDto {
  const zone = event.timeZone;
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    description: event.description,
    organizer:
      event.organizerId !== null && event.organizerName !== null
        ? { id: event.organizerId, name: event.organizerName, acronym: event.organizerAcronym }
        : null,
    venue:
      event.venueName !== null
        ? { name: event.venueName, address: event.venueAddress, city: event.venueCity }
        : null,
    timeZone: zone,
    timeZoneLabel: timeZoneLabelOn(zone, event.startDate),
    startDate: event.startDate,
    endDate: event.endDate,
    capacity: event.capacity,
    registrationOpensAt: event.registrationOpensAt
      ? formatInZone(event.registrationOpensAt, zone)
      : null,
    registrationClosesAt: event.registrationClosesAt
      ? formatInZone(event.registrationClosesAt, zone)
      : null,
    settings: {
      approvalRequired: event.settings.approvalRequired,
      waitlistEnabled: event.settings.waitlistEnabled,
      defaultDelegationSeats: event.settings.defaultDelegationSeats,
      requiredDelegateFields: event.settings.requiredDelegateFields,
      openRegistration: isOpenRegistration(event.settings),
    },
    status: event.status,
    allowedTransitions: [...nextStatuses(event.status)],
    rooms: event.rooms.map(toRoomDto),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

export function toRoomDto(room: RoomRecord): RoomDto {
  return { id: room.id, name: room.name, capacity: room.capacity };
}
