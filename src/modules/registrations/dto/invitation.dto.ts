import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { trimmed } from '../../../common/validation/transforms';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../../organizations/domain/organization-kind';
import { IsPhone } from '../../people/dto/identity-validators';
import { INVITATION_STATUSES, type InvitationStatus } from '../invitation.entity';

/** Most seats one delegation may be given. */
export const MAX_SEAT_QUOTA = 1000;

/** The delegation's contact person: who manages its registrations with the token. */
export class FocalPointDto {
  /** @example "Dra. Siti Aminah, M.Si" */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  name?: string | null;

  /** @example "humas@acehprov.go.id" */
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

  /** Any Indonesian or international form; stored as E.164. @example "0812-3456-7890" */
  @IsOptional()
  @IsPhone()
  phone?: string | null;
}

/** Invite one organization. */
export class CreateInvitationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organizationId!: string;

  /** Seats; default the event's `defaultDelegationSeats`. @example 2 */
  @IsOptional()
  @Min(1)
  @Max(MAX_SEAT_QUOTA)
  @IsInt()
  seatQuota?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => FocalPointDto)
  focalPoint?: FocalPointDto;
}

/**
 * Invite many organizations at once: those named, and those matching a catalog filter (for
 * example every province valid on the event's first day). Organizations already invited are
 * left as they are.
 */
export class BulkInviteDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  /** Every organization of this kind valid on the event's first day. @example "province" */
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  /** Every organization of this reporting group valid on the event's first day. */
  @ApiPropertyOptional({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup' })
  @IsOptional()
  @IsIn(REPORTING_GROUPS)
  group?: ReportingGroup;

  /** Seats for each; default the event's `defaultDelegationSeats`. @example 2 */
  @IsOptional()
  @Min(1)
  @Max(MAX_SEAT_QUOTA)
  @IsInt()
  seatQuota?: number;
}

/** A change to a delegation: fields left out keep their value. */
export class UpdateInvitationDto {
  /**
   * Seats. Raising it seats the delegation's waitlisted delegates in order; it cannot go below
   * the seats already held (409 INVITATION_QUOTA_BELOW_SEATS). @example 3
   */
  @IsOptional()
  @Min(1)
  @Max(MAX_SEAT_QUOTA)
  @IsInt()
  seatQuota?: number;

  /** Replaces the focal point; null removes it. */
  @IsOptional()
  @ValidateNested()
  @Type(() => FocalPointDto)
  focalPoint?: FocalPointDto | null;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

/** The invited organization, briefly. */
export class InvitedOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  /** @example "Aceh" */
  name!: string;
  @ApiProperty({ type: String, nullable: true })
  acronym!: string | null;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  kind!: OrganizationKind;
  @ApiProperty({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup' })
  reportingGroup!: ReportingGroup;
  /** @example "11" */
  @ApiProperty({ type: String, nullable: true })
  regionCode!: string | null;
}

export class FocalPointViewDto {
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;
  @ApiProperty({ type: String, nullable: true })
  email!: string | null;
  /** E.164. */
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}

/** A delegation invited to an event. The token is shown only when issued. */
export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  organization!: InvitedOrganizationDto;
  /** @example 2 */
  seatQuota!: number;
  /** Seats held by its pending and confirmed delegates. @example 1 */
  seatsTaken!: number;
  @ApiProperty({ type: () => FocalPointViewDto, nullable: true })
  focalPoint!: FocalPointViewDto | null;
  @ApiProperty({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' })
  status!: InvitationStatus;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A delegation with its secret token, shown this once: Rakor keeps only its hash. */
export class IssuedInvitationDto extends InvitationDto {
  /**
   * The delegation's registration token (256 bits, base64url). Give it to the focal point: it
   * registers delegates and manages them. @example "q8Yc3h…"
   */
  token!: string;
}

export class InvitationPageDto {
  items!: InvitationDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

/** What a bulk invitation did. */
export class BulkInvitationResultDto {
  /** The new delegations, with their tokens. */
  created!: IssuedInvitationDto[];
  /** Organizations that were invited already, left as they were. */
  @ApiProperty({ type: [String], format: 'uuid' })
  alreadyInvited!: string[];
}
