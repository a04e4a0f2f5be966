import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsLocalDate } from '../../../common/validation/local-date';
import { IsIsoTimestamp } from '../../../common/time/time-validators';
import {
  ATTENDANCE_ACTIONS,
  ATTENDANCE_STATUSES,
  type AttendanceAction,
  type AttendanceStatus,
  CHECK_IN_METHODS,
  type CheckInMethod,
} from '../domain/attendance';

/** The actions a scan takes: arriving, or leaving for the day. */
export const SCAN_ACTIONS = ['check_in', 'check_out'] as const;
export type ScanAction = (typeof SCAN_ACTIONS)[number];

/** A device's id for one of its scans. */
const CLIENT_SCAN_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const CLIENT_SCAN_ID_MESSAGE =
  '$property must be 1 to 100 letters, digits, dots, colons, underscores or hyphens (a UUID will do)';

/**
 * Whom a scan is of (exactly one of `payload`, `code` or `registrationId`), for which day and,
 * optionally, which session.
 */
export class ScanTargetDto {
  /** What the QR code on the delegate's registration holds, as the scanner read it. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  payload?: string;

  /** The registration code, as typed: any case, with or without hyphens. @example "7K3M-Q9TD-2XC" */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  code?: string;

  /** A registration picked from a list by hand (method `manual`). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  registrationId?: string;

  /**
   * The event's local date; by default the date of the scan in the event's zone.
   * @example "2022-06-29"
   */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  day?: string;

  /** A session of that day, for a check-in at the session's room; none for the day (the door). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;

  /** `check_out` records leaving for the day. @default check_in */
  @ApiPropertyOptional({ enum: SCAN_ACTIONS, enumName: 'ScanAction' })
  @IsOptional()
  @IsIn(SCAN_ACTIONS)
  action?: ScanAction;
}

/** One scan, at the door or a session's room. */
export class CheckInDto extends ScanTargetDto {
  /**
   * The device's own id for this scan, unique within the event (a UUID will do): sending the
   * scan again returns the first answer and records nothing new.
   * @example "tablet-3:0001842"
   */
  @IsOptional()
  @IsString()
  @Matches(CLIENT_SCAN_ID, { message: CLIENT_SCAN_ID_MESSAGE })
  clientScanId?: string;
}

/** A scan taken while the device was offline: its id and its time are the device's. */
export class OfflineScanDto extends ScanTargetDto {
  /**
   * The device's own id for this scan, unique within the event: it is what makes replaying the
   * batch safe. @example "tablet-3:0001842"
   */
  @IsDefined()
  @IsString()
  @Matches(CLIENT_SCAN_ID, { message: CLIENT_SCAN_ID_MESSAGE })
  clientScanId!: string;

  /** When the device scanned, with its offset. @example "2022-06-29T08:12:31+07:00" */
  @ApiProperty({ format: 'date-time' })
  @IsDefined()
  @IsIsoTimestamp('required')
  scannedAt!: string;
}

/** The scans a device took offline, uploaded together; at most 1,000. */
export class CheckInBatchDto {
  @ApiProperty({ type: [OfflineScanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => OfflineScanDto)
  scans!: OfflineScanDto[];
}

/** A delegate's status for a day, set by an organizer. */
export class SetAttendanceStatusDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;

  /** Who came instead: required with `diwakili`, refused with any other status. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  representativeName?: string | null;
}

/** One entry of the event's attendance ledger. */
export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** Its place in the event's chain, from 1. */
  position!: number;

  @ApiProperty({ format: 'uuid' })
  registrationId!: string;

  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  sessionId!: string | null;

  @ApiProperty({ enum: ATTENDANCE_ACTIONS, enumName: 'AttendanceAction' })
  action!: AttendanceAction;

  @ApiProperty({ enum: CHECK_IN_METHODS, enumName: 'CheckInMethod' })
  method!: CheckInMethod;

  /** The day's status the entry left the delegate in. */
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' })
  status!: AttendanceStatus;

  @ApiProperty({ nullable: true, type: String })
  representativeName!: string | null;

  /** When it happened (the device's time for an offline scan). */
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  /** The same, as the event's local clock. @example "08.12" */
  localTime!: string;

  @ApiProperty({ format: 'uuid' })
  staffUserId!: string;

  @ApiProperty({ nullable: true, type: String })
  clientScanId!: string | null;

  /** SHA-256 hex over the previous entry's hash and this entry. */
  hash!: string;
}

/** Whose attendance it is. */
export class ScannedRegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  /** @example "7K3M-Q9TD-2XC" */
  code!: string;

  /** The name with titles. @example "Dr. H. Muhammad Iswanto, M.Si" */
  displayName!: string;

  @ApiProperty({ nullable: true, type: String })
  organization!: string | null;
}

/** What a scan did. */
export const SCAN_OUTCOMES = ['recorded', 'already_recorded', 'replayed'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

export class CheckInResultDto {
  /**
   * `recorded`: a new entry (201); `already_recorded`: checked in (or out) before, nothing
   * changed (200); `replayed`: this client scan id was recorded before, the first answer (200).
   */
  @ApiProperty({ enum: SCAN_OUTCOMES, enumName: 'ScanOutcome' })
  outcome!: ScanOutcome;

  /** For the staff member at the door. @example "Sudah tercatat hadir pukul 08.12 WIB." */
  message!: string;

  registration!: ScannedRegistrationDto;

  entry!: AttendanceEntryDto;
}

/** Why a scan of a batch was not recorded: the problem it would have been on its own. */
export class ScanRefusalDto {
  /** @example "REGISTRATION_NOT_CONFIRMED" */
  code!: string;

  /** @example 409 */
  status!: number;

  detail!: string;

  /** The fields at fault, when a field is. */
  @ApiProperty({ type: [String] })
  fields!: string[];
}

export class BatchScanResultDto {
  /** @example "tablet-3:0001842" */
  clientScanId!: string;

  /** `refused` when the scan could not be recorded; the others as for a single scan. */
  @ApiProperty({
    enum: [...SCAN_OUTCOMES, 'refused'],
    enumName: 'BatchScanOutcome',
  })
  outcome!: ScanOutcome | 'refused';

  message!: string;

  @ApiPropertyOptional({ type: ScannedRegistrationDto })
  registration?: ScannedRegistrationDto;

  @ApiPropertyOptional({ type: AttendanceEntryDto })
  entry?: AttendanceEntryDto;

  @ApiPropertyOptional({ type: ScanRefusalDto })
  refusal?: ScanRefusalDto;
}

/** What happened to each scan of a batch, in the order sent, and the counts. */
export class CheckInBatchResultDto {
  @ApiProperty({ type: [BatchScanResultDto] })
  results!: BatchScanResultDto[];

  recorded!: number;
  alreadyRecorded!: number;
  replayed!: number;
  refused!: number;
}

/** A delegate's attendance on one day. */
export class AttendanceDayDto {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;

  @ApiProperty({ format: 'date' })
  day!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus' })
  status!: AttendanceStatus;

  @ApiProperty({ nullable: true, type: String })
  representativeName!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  checkedInAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  checkedOutAt!: string | null;

  /** Whether this request changed the status (false: it was that already). */
  changed!: boolean;
}

/** The check of an event's attendance chain. */
export class ChainVerificationDto {
  /** Whether every entry's hash matches and the stored head is the last entry's. */
  valid!: boolean;

  /** Entries checked. */
  length!: number;

  /** The last entry's hash as recomputed (64 zeros for none): what an export states; null when not valid. */
  @ApiProperty({ nullable: true, type: String })
  head!: string | null;

  /** The first entry whose hash does not match, when one does not. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  brokenAtPosition!: number | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  brokenEntryId!: string | null;

  /** Why the chain is not valid, in a sentence. */
  @ApiProperty({ nullable: true, type: String })
  problem!: string | null;

  /** With `?head=`: whether that head (from an earlier export) is in the chain. */
  @ApiPropertyOptional({ nullable: true, type: Boolean })
  headFound!: boolean | null;

  /** With `?head=`: the position of the entry whose hash it is. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  headPosition!: number | null;
}

export class ChainQueryDto {
  /** A chain head stated by an earlier export, to check that the chain still contains it. */
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'head must be 64 lower-case hex digits' })
  head?: string;
}
