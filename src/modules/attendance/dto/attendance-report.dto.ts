import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLocalDate } from '../../../common/validation/local-date';
import {
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../../organizations/domain/organization-kind';

/** The forms the attendance report comes in: data, the chart alone, or the printable report. */
export const ATTENDANCE_REPORT_FORMATS = ['json', 'svg', 'pdf'] as const;
export type AttendanceReportFormat = (typeof ATTENDANCE_REPORT_FORMATS)[number];

/** The media type of each form. */
export const ATTENDANCE_REPORT_MEDIA_TYPES: Readonly<Record<AttendanceReportFormat, string>> = {
  json: 'application/json',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

export class AttendanceReportQueryDto {
  /**
   * `json`: the figures; `svg`: the chart of attendance by day and delegation; `pdf`: the A4
   * report with tables and the chart. @default json
   */
  @ApiPropertyOptional({ enum: ATTENDANCE_REPORT_FORMATS, enumName: 'AttendanceReportFormat' })
  @IsOptional()
  @IsIn(ATTENDANCE_REPORT_FORMATS)
  format?: AttendanceReportFormat;

  /**
   * The day of the arrival matrix, a day of the event: by default today when the event is on,
   * else its first day. @example "2022-06-29"
   */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

/** Person-days (orang-hari, OH) of one day of the event. */
export class ReportDayDto {
  @ApiProperty({ format: 'date' })
  day!: string;

  /** @example "Rabu, 29 Juni 2022" */
  label!: string;

  /** Delegates present that day (`hadir` or `diwakili`), each once. */
  personDays!: number;
}

/** A delegation's delegates present on one day. */
export class PresentOnDayDto {
  @ApiProperty({ format: 'date' })
  day!: string;

  present!: number;
}

/** An organization taking part: who it is, its seats and its confirmed registrations. */
class DelegationLineDto {
  /** Null for the line of open registrations ("Pendaftar umum"), which came through no invitation. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId!: string | null;

  /** @example "Pemerintah Provinsi Jawa Barat" */
  organizationName!: string;

  @ApiProperty({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup', example: 'Pemda' })
  reportingGroup!: ReportingGroup;

  /** Seats of its active invitations. */
  invitedSeats!: number;

  /** Its confirmed registrations. */
  registered!: number;
}

/** An organization taking part: seats, confirmed registrations, and who came each day. */
export class DelegationAttendanceDto extends DelegationLineDto {
  /** One per day of the event, in order. */
  @ApiProperty({ type: [PresentOnDayDto] })
  present!: PresentOnDayDto[];
}

/** How far one delegation has arrived on the matrix's day. */
export class DelegationArrivalDto extends DelegationLineDto {
  /** Its delegates present that day. */
  arrived!: number;
}

/** The arrival matrix summed over one reporting group. */
export class ReportingGroupTotalsDto {
  @ApiProperty({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup', example: 'K/L' })
  reportingGroup!: ReportingGroup;

  invitedSeats!: number;

  registered!: number;

  arrived!: number;
}

/** "Which delegations have arrived today": the matrix of one day, with totals per group. */
export class ArrivalMatrixDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  /** @example "Rabu, 29 Juni 2022" */
  label!: string;

  /** One line per delegation, in the order of `delegations`. */
  @ApiProperty({ type: [DelegationArrivalDto] })
  delegations!: DelegationArrivalDto[];

  /** Always K/L, Pemda, Lainnya, in that order. */
  @ApiProperty({ type: [ReportingGroupTotalsDto] })
  totalsByReportingGroup!: ReportingGroupTotalsDto[];
}

/** Attendance of one session. */
export class SessionAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  title!: string;

  /** Null while the session is unscheduled. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  day!: string | null;

  /** In the event's zone, with its offset; null while unscheduled. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startsAt!: string | null;

  /**
   * Confirmed delegates who chose the session when any did (parallel sessions), else every
   * confirmed delegate.
   */
  expected!: number;

  /** Confirmed delegates checked in at the session, each once. */
  checkedIn!: number;
}

/** The head of the event's attendance chain when the report was made. */
export class ReportChainDto {
  /** Entries in the chain. */
  length!: number;

  /** The last entry's hash, 64 zeros before the first: verify with GET …/attendance/chain?head=. */
  head!: string;
}

/** Attendance of an event: person-days, delegations, arrivals, sessions. */
export class AttendanceReportDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  title!: string;

  /** @example "Asia/Jakarta" */
  timeZone!: string;

  /** When the figures were read, in the event's zone with its offset. */
  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  /** Every day of the event, in order, with its OH. */
  @ApiProperty({ type: [ReportDayDto] })
  days!: ReportDayDto[];

  /** The OH of the whole event: the figure hotel meeting packages are billed by. */
  totalPersonDays!: number;

  /** Sorted by name; open registrations last. */
  @ApiProperty({ type: [DelegationAttendanceDto] })
  delegations!: DelegationAttendanceDto[];

  arrivals!: ArrivalMatrixDto;

  /** In agenda order; unscheduled sessions last. */
  @ApiProperty({ type: [SessionAttendanceDto] })
  sessions!: SessionAttendanceDto[];

  chain!: ReportChainDto;
}
