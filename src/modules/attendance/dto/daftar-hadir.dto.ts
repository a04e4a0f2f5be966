import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { IsLocalDate } from '../../../common/validation/local-date';
import {
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../../organizations/domain/organization-kind';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../domain/attendance';

/** The forms a daftar hadir comes in. */
export const DAFTAR_HADIR_FORMATS = ['csv', 'xlsx', 'pdf', 'json'] as const;
export type DaftarHadirFormat = (typeof DAFTAR_HADIR_FORMATS)[number];

/** Which daftar hadir, and in which form. */
export class DaftarHadirQueryDto {
  /** `csv` (UTF-8 with a byte-order mark), `xlsx`, `pdf` (A4 landscape, to sign) or `json`. */
  @ApiPropertyOptional({
    enum: DAFTAR_HADIR_FORMATS,
    enumName: 'DaftarHadirFormat',
    default: 'json',
  })
  @IsOptional()
  @IsIn(DAFTAR_HADIR_FORMATS)
  format?: DaftarHadirFormat;

  /**
   * The event's local day. Required unless `sessionId` is given, which implies the session's day
   * (when both are given they must agree).
   * @example "2022-06-29"
   */
  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf((query: DaftarHadirQueryDto) => query.date !== undefined || !query.sessionId)
  @IsDefined({ message: 'date is required unless sessionId is given' })
  @IsLocalDate()
  date?: string;

  /** One session: who checked in to it (and, when delegates chose sessions, those who chose it). */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  sessionId?: string;

  /** Only the delegates of this organization. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** Only the delegates counted under this group; a delegate without an organization is `Lainnya`. */
  @ApiPropertyOptional({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup' })
  @IsOptional()
  @IsIn(REPORTING_GROUPS)
  reportingGroup?: ReportingGroup;
}

/** One delegate on the daftar hadir, as `format=json` lists them. */
export class DaftarHadirRowDto {
  /** The running number in the list, from 1. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  no!: number;

  /** The name with titles. @example "Dr. Drs. H. Suhajar Diantoro, M.Si" */
  displayName!: string;

  @ApiProperty({ type: String, nullable: true })
  nip!: string | null;

  @ApiProperty({ type: String, nullable: true })
  position!: string | null;

  /** The organization, or the delegate's work unit when there is none. */
  @ApiProperty({ type: String, nullable: true })
  organization!: string | null;

  /** Whole for administrators and organizers, masked (`+62********890`) for other staff. */
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  /** The check-in time on the event's local clock, "08.12"; null when not checked in. */
  @ApiProperty({ type: String, nullable: true })
  checkedInAt!: string | null;

  /** For the day, or the session; null while nothing is recorded. */
  @ApiProperty({
    enum: ATTENDANCE_STATUSES,
    enumName: 'AttendanceStatus',
    nullable: true,
  })
  status!: AttendanceStatus | null;
}
