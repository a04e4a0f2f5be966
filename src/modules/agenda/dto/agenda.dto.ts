import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  SESSION_ROLES,
  SESSION_TYPES,
  type SessionRole,
  type SessionType,
} from '../../sessions/domain/session-kinds';
import { AGENDA_FORMATS, type AgendaFormat } from '../agenda-format';

/** Someone holding a role in an item. */
export class AgendaHolderDto {
  @ApiProperty({ enum: SESSION_ROLES, enumName: 'SessionRole' })
  role!: SessionRole;

  /** The person's display name with titles, or the team's name. @example "Dr. Drs. H. Suhajar Diantoro, M.Si" */
  name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  personId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId!: string | null;
}

/** One item of the rundown. */
export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  title!: string;

  @ApiProperty({ enum: SESSION_TYPES, enumName: 'SessionType' })
  type!: SessionType;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  /** The local day it is on, or meant for while unscheduled. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  day!: string | null;

  /** In the event's zone, with its offset; null while unscheduled. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startsAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt!: string | null;

  durationMinutes!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roomId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  roomName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  track!: string | null;

  holders!: AgendaHolderDto[];

  /** How many versions changed the item since it first appeared (the iCalendar SEQUENCE). */
  sequence!: number;
}

/** The event as the rundown's header shows it. */
export class AgendaEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  slug!: string;
  title!: string;
  /** @example "Asia/Jakarta" */
  timeZone!: string;
  @ApiProperty({ format: 'date' })
  startDate!: string;
  @ApiProperty({ format: 'date' })
  endDate!: string;
  @ApiProperty({ type: String, nullable: true })
  venueName!: string | null;
  @ApiProperty({ type: String, nullable: true })
  venueAddress!: string | null;
  @ApiProperty({ type: String, nullable: true })
  venueCity!: string | null;
  @ApiProperty({ type: String, nullable: true })
  organizerName!: string | null;
}

/** Whose agenda this is, for a per-person agenda. */
export class AgendaPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  name!: string;
}

/** The rundown (susunan acara): the event and its timed items in order. */
export class AgendaDto {
  event!: AgendaEventDto;

  /** The published version shown; null for the working agenda. */
  @ApiProperty({ type: Number, nullable: true })
  version!: number | null;

  /** When the version was published, or when the working agenda last changed. */
  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: () => AgendaPersonDto, nullable: true })
  person!: AgendaPersonDto | null;

  /** The timed items, by start. */
  items!: AgendaItemDto[];
}

/** How to send the agenda; overrides the Accept header. */
export class AgendaFormatQueryDto {
  /** json, ics (iCalendar), pdf, html (printable) or csv. Without it the Accept header decides. */
  @ApiPropertyOptional({ enum: AGENDA_FORMATS, enumName: 'AgendaFormat' })
  @IsOptional()
  @IsIn(AGENDA_FORMATS)
  format?: AgendaFormat;
}

/** Which part of a published agenda, and how to send it. */
export class PublishedAgendaQueryDto extends AgendaFormatQueryDto {
  /** One person's agenda: only the items where they hold a role (speaker, moderator, MC…). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  personId?: string;
}
