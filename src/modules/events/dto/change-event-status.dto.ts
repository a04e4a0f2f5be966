import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EVENT_STATUSES, type EventStatus } from '../domain/event-status';

/** The status to move the event to. */
export class ChangeEventStatusDto {
  /** draft → published → closed → completed; or cancelled before completion. @example "published" */
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  @IsIn(EVENT_STATUSES)
  status!: EventStatus;
}
