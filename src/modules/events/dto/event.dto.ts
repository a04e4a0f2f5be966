import { ApiProperty } from '@nestjs/swagger';
import { DELEGATE_FIELDS, type DelegateField } from '../domain/event-settings';
import { EVENT_STATUSES, type EventStatus } from '../domain/event-status';

/** The organization holding an event, in brief. */
export class EventOrganizerDto {
  id!: string;
  /** @example "Pusat Penerangan, Kementerian Dalam Negeri" */
  name!: string;
  /** @example "Puspen Kemendagri" */
  acronym!: string | null;
}

/** Where an event takes place. */
export class VenueDto {
  /** @example "El Royal Hotel" */
  name!: string;
  address!: string | null;
  /** @example "Jakarta Utara" */
  city!: string | null;
}

/** How registration for the event behaves. */
export class EventSettingsDto {
  /** Registrations wait for an organizer's approval. */
  approvalRequired!: boolean;
  /** A full event or delegation puts further registrations on a waitlist instead of refusing. */
  waitlistEnabled!: boolean;
  /** Seats a delegation gets unless its invitation says otherwise. @example 2 */
  defaultDelegationSeats!: number;
  /** Delegate fields a registration must fill in, beyond name and email. */
  @ApiProperty({ enum: DELEGATE_FIELDS, enumName: 'DelegateField', isArray: true })
  requiredDelegateFields!: DelegateField[];
  /** Anyone may register without a delegation's invitation, within the event's capacity. */
  openRegistration!: boolean;
}

/** A room of an event's venue. */
export class RoomDto {
  id!: string;
  /** @example "Ballroom" */
  name!: string;
  /** Seats; null when unknown. @example 200 */
  capacity!: number | null;
}

/** An event's rooms, sorted by name. */
export class RoomListDto {
  items!: RoomDto[];
}

/** An event: what, who, where, when, and where it stands. */
export class EventDto {
  id!: string;
  /** @example "workshop-kehumasan-2022" */
  slug!: string;
  /** @example "Rapat Koordinasi dan Workshop Pengelolaan Kehumasan" */
  title!: string;
  description!: string | null;
  organizer!: EventOrganizerDto | null;
  venue!: VenueDto | null;
  /** IANA zone in which the event's dates and times are read. @example "Asia/Jakarta" */
  timeZone!: string;
  /** What people call the zone: WIB, WITA, WIT, or the zone's short name elsewhere. @example "WIB" */
  timeZoneLabel!: string;
  /** First local day. @example "2022-06-28" */
  @ApiProperty({ format: 'date' })
  startDate!: string;
  /** Last local day, inclusive. @example "2022-06-30" */
  @ApiProperty({ format: 'date' })
  endDate!: string;
  /** Most delegates the event takes; null: no limit beyond the delegations' quotas. */
  capacity!: number | null;
  /** With the event zone's offset. @example "2022-06-01T08:00:00+07:00" */
  registrationOpensAt!: string | null;
  /** With the event zone's offset. @example "2022-06-27T17:00:00+07:00" */
  registrationClosesAt!: string | null;
  settings!: EventSettingsDto;
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  status!: EventStatus;
  /** The statuses the event may move to next. */
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus', isArray: true })
  allowedTransitions!: EventStatus[];
  /** The event's rooms, sorted by name. */
  rooms!: RoomDto[];
  createdAt!: string;
  updatedAt!: string;
}

/** One page of events, in the order they happen. */
export class EventPageDto {
  items!: EventDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
