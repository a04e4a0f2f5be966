import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { SESSION_TYPES, type SessionType } from '../../sessions/domain/session-kinds';
import { INFEASIBILITY_KINDS, type InfeasibilityKind } from '../domain/generate-schedule';
import { AgendaConflictsDto, LocalizedTextDto } from './agenda-conflicts.dto';

/** Which items generation may move. Pinned items never move. */
export const RESCHEDULE_SCOPES = ['unscheduled', 'unpublished', 'all'] as const;
export type RescheduleScope = (typeof RESCHEDULE_SCOPES)[number];

/** A request to generate the agenda and write it, or with `dryRun` only to preview it. */
export class GenerateAgendaDto {
  /**
   * Only preview: write nothing. Without it the result is written, and refused (422) while any
   * item cannot be placed. @default false
   */
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  /**
   * `unscheduled` (default): place only the items without times. `unpublished`: also move items
   * with times that are not in the latest published version. `all`: move every item that is
   * not pinned, published ones too. Generated breaks are made again whenever their items move.
   */
  @ApiPropertyOptional({ enum: RESCHEDULE_SCOPES, enumName: 'RescheduleScope' })
  @IsOptional()
  @IsIn(RESCHEDULE_SCOPES)
  reschedule?: RescheduleScope;
}

/** An item of the generated agenda. */
export class GeneratedItemDto {
  /** The item; null for a break that generation adds (it becomes an item when applied). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sessionId!: string | null;

  title!: string;

  @ApiProperty({ enum: SESSION_TYPES, enumName: 'SessionType' })
  type!: SessionType;

  /** @example "2022-06-29" */
  @ApiProperty({ format: 'date' })
  day!: string;

  /** In the event's zone, with its offset. @example "2022-06-29T08:00:00+07:00" */
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  roomId!: string | null;

  /** `kept`: stays where it was; `placed`: given its time now; `break`: added by generation. */
  @ApiProperty({ enum: ['kept', 'placed', 'break'], enumName: 'AgendaPlacement' })
  placement!: 'kept' | 'placed' | 'break';
}

/** Why an item could not be placed. */
export class InfeasibilityDto {
  @ApiProperty({ enum: INFEASIBILITY_KINDS, enumName: 'AgendaInfeasibility' })
  constraint!: InfeasibilityKind;

  /** The item that was not placed first, then the items at fault. */
  itemIds!: string[];

  /** The day it was meant for, or null when any day would do. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  day!: string | null;

  /** Free minutes left on that day after its earliest start, when the day is too short. */
  @ApiProperty({ type: Number, nullable: true })
  minutesLeft!: number | null;

  /** @example { "id": "Sesi 2 (180 menit) tidak muat pada 29 Juni: sisa 150 menit", "en": "Sesi 2 (180 minutes) does not fit on 29 June: 150 minutes left" } */
  message!: LocalizedTextDto;
}

/** The generated agenda: what goes where, what does not fit and why, and what still clashes. */
export class GeneratedAgendaDto {
  /** Whether the result was written to the items. */
  applied!: boolean;

  /** Every item with a time after generation, breaks included, in time order. */
  items!: GeneratedItemDto[];

  /** Items that could not be placed, each with the constraint at fault. */
  unplaced!: InfeasibilityDto[];

  /** Generated breaks that generation drops because their items move. */
  @ApiProperty({ type: [String], format: 'uuid' })
  removedBreakIds!: string[];

  /** Conflicts of the agenda as generated; only kept items can clash. */
  conflicts!: AgendaConflictsDto;
}
