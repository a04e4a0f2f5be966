import { ApiProperty } from '@nestjs/swagger';
import { RoomDto } from '../../events/dto/event.dto';
import {
  SESSION_ROLES,
  SESSION_TYPES,
  type SessionRole,
  type SessionType,
} from '../domain/session-kinds';

/** A person holding a role, as the agenda shows them. */
export class RoleHolderPersonDto {
  id!: string;
  /** Titles and name composed the Indonesian way. @example "Dr. Drs. H. Suhajar Diantoro, M.Si" */
  displayName!: string;
  /** Jabatan. @example "Sekretaris Jenderal Kementerian Dalam Negeri" */
  position!: string | null;
}

/** An organization holding a role, such as an outside team. */
export class RoleHolderOrganizationDto {
  id!: string;
  /** @example "Tim Grid Story Factory" */
  name!: string;
  acronym!: string | null;
}

/** A role in an agenda item and who holds it: a person or an organization. */
export class SessionRoleDto {
  @ApiProperty({ enum: SESSION_ROLES, enumName: 'SessionRole' })
  role!: SessionRole;
  person!: RoleHolderPersonDto | null;
  organization!: RoleHolderOrganizationDto | null;
}

/** An agenda item. */
export class SessionDto {
  id!: string;
  eventId!: string;
  @ApiProperty({ enum: SESSION_TYPES, enumName: 'SessionType' })
  type!: SessionType;
  /** @example "Pembukaan" */
  title!: string;
  description!: string | null;
  /** The event's local day the item belongs to. @example "2022-06-28" */
  @ApiProperty({ format: 'date', nullable: true, type: String })
  day!: string | null;
  /** With the event zone's offset; null while unscheduled. @example "2022-06-28T19:00:00+07:00" */
  startsAt!: string | null;
  /** With the event zone's offset; null while unscheduled. @example "2022-06-28T21:00:00+07:00" */
  endsAt!: string | null;
  /** @example 120 */
  durationMinutes!: number;
  room!: RoomDto | null;
  track!: string | null;
  capacity!: number | null;
  /** Program order among the event's items. @example 1 */
  position!: number;
  /** Role holders in the order they are listed. */
  roles!: SessionRoleDto[];
  createdAt!: string;
  updatedAt!: string;
}

/** One page of an event's agenda items, in rundown order. */
export class SessionPageDto {
  items!: SessionDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
