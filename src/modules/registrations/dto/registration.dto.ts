import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.entity';

/** Consent to the processing of personal data (UU PDP No. 27/2022), and optional consents. */
export class ConsentDto {
  /** Must be true: the delegate agrees that the organizers process these details. */
  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'consent.dataProcessing must be true: registration needs it' })
  dataProcessing!: boolean;

  /** Photos and video of the delegate may be published. @default false */
  @IsOptional()
  @IsBoolean()
  photos?: boolean;
}

/**
 * The delegate's details. Name, email and consent always; the event's settings say which others
 * are required. Format errors are a 400 naming the field; fields that disagree but may both be
 * right come back as warnings.
 */
export class DelegateInputDto {
  /** @example "Dr. H." */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  titlesBefore?: string | null;

  /** @example "Muhammad Iswanto" */
  @MaxLength(200)
  @IsString()
  name!: string;

  /** @example "S.STP, M.Si" */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  titlesAfter?: string | null;

  /** `PNS`, `PPPK`, `TNI`, `Polri` or `non-ASN`. @example "PNS" */
  @IsOptional()
  @MaxLength(10)
  @IsString()
  employmentType?: string | null;

  /** 18 digits, for PNS and PPPK. @example "198609262015051001" */
  @IsOptional()
  @MaxLength(30)
  @IsString()
  nip?: string | null;

  /** Pangkat/golongan: `I/a`–`IV/e` for PNS, `I`–`XVII` for PPPK. @example "III/b" */
  @IsOptional()
  @MaxLength(20)
  @IsString()
  rankGrade?: string | null;

  /** @example "Kepala Bidang Informasi dan Komunikasi Publik" */
  @IsOptional()
  @MaxLength(300)
  @IsString()
  position?: string | null;

  /** @example "Dinas Komunikasi, Informatika dan Persandian Aceh" */
  @IsOptional()
  @MaxLength(300)
  @IsString()
  workUnit?: string | null;

  /** @example "iswanto@acehprov.go.id" */
  @MaxLength(254)
  @IsString()
  email!: string;

  /** Phone or WhatsApp, any usual form; stored as E.164. @example "0812-6900-1234" */
  @IsOptional()
  @MaxLength(30)
  @IsString()
  phone?: string | null;

  /** 16 digits; only where the event asks for it. Stored encrypted, shown masked. */
  @IsOptional()
  @MaxLength(30)
  @IsString()
  nik?: string | null;
}

/** A registration: the delegate, their consent, and the delegation's token (unless open). */
export class RegisterDto extends DelegateInputDto {
  /** The delegation's invitation token; leave out only where the event takes open registration. */
  @IsOptional()
  @MaxLength(200)
  @IsString()
  invitationToken?: string;

  @ValidateNested()
  @IsObject()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}

/** What a delegate may change with their code: how to reach them, and their position. */
export class UpdateContactDto {
  @IsOptional()
  @MaxLength(254)
  @IsString()
  email?: string;

  @IsOptional()
  @MaxLength(30)
  @IsString()
  phone?: string | null;

  @IsOptional()
  @MaxLength(300)
  @IsString()
  position?: string | null;

  @IsOptional()
  @MaxLength(300)
  @IsString()
  workUnit?: string | null;
}

/** A substitute takes a delegate's seat: the new delegate's details and consent. */
export class SubstituteDto extends DelegateInputDto {
  @ValidateNested()
  @IsObject()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}

/** The parallel sessions a delegate attends, replacing earlier choices. */
export class ChooseSessionsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  sessionIds!: string[];
}

/** Why, for a rejection or a cancellation. */
export class StatusReasonDto {
  /** @example "Kuota instansi sudah terpenuhi" */
  @IsOptional()
  @MaxLength(500)
  @IsString()
  reason?: string;
}

/** Several registrations at once. */
export class RegistrationDecisionDto extends StatusReasonDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  registrationIds!: string[];
}

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  /** Registrations of one delegation. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  invitationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** Words in the name, email, NIP or code, ignoring case and accents. */
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;
}

export class RegistrationOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  /** @example "Aceh" */
  name!: string;
}

export class ConsentViewDto {
  dataProcessing!: boolean;
  photos!: boolean;
  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** A field that disagrees with another; accepted, worth a look. */
export class RegistrationWarningDto {
  /** @example "nip" */
  field!: string;
  message!: string;
}

/** A registration. */
export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  /** The registration code; also what its QR holds. @example "7K3M-Q9TD-2XC" */
  code!: string;
  /**
   * `confirmed`: has a seat. `pending`: holds a seat, waiting for approval. `waitlisted`: waits for
   * a seat, in order. `rejected`, `cancelled`: no longer counts.
   */
  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  status!: RegistrationStatus;
  /** Place on the waitlist (1 is next), while waitlisted. */
  @ApiProperty({ type: Number, nullable: true })
  waitlistPosition!: number | null;
  /** The parallel sessions the delegate chose, each holding one of its seats. */
  @ApiProperty({ type: [String], format: 'uuid' })
  sessionIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  invitationId!: string | null;
  @ApiProperty({ type: () => RegistrationOrganizationDto, nullable: true })
  organization!: RegistrationOrganizationDto | null;
  @ApiProperty({ type: String, nullable: true })
  titlesBefore!: string | null;
  name!: string;
  @ApiProperty({ type: String, nullable: true })
  titlesAfter!: string | null;
  /** @example "Muhammad Iswanto, S.STP, M.Si" */
  displayName!: string;
  @ApiProperty({ type: String, nullable: true })
  employmentType!: string | null;
  @ApiProperty({ type: String, nullable: true })
  nip!: string | null;
  @ApiProperty({ type: String, nullable: true })
  rankGrade!: string | null;
  @ApiProperty({ type: String, nullable: true })
  position!: string | null;
  @ApiProperty({ type: String, nullable: true })
  workUnit!: string | null;
  email!: string;
  /** E.164. */
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
  /** The NIK masked ("1171********0001"), when given. */
  @ApiProperty({ type: String, nullable: true })
  nikMasked!: string | null;
  consent!: ConsentViewDto;
  @ApiProperty({ type: String, nullable: true })
  statusReason!: string | null;
  /** Fields that disagree but were accepted. */
  warnings!: RegistrationWarningDto[];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RegistrationPageDto {
  items!: RegistrationDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

/** What happened to each registration of a bulk decision. */
export class RegistrationDecisionResultDto {
  /** Registrations now in the asked status. */
  @ApiProperty({ type: [String], format: 'uuid' })
  done!: string[];
  /** Registrations left as they were, each with the reason. */
  refused!: RegistrationRefusalDto[];
}

export class RegistrationRefusalDto {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  /** @example "NO_SEAT_AVAILABLE" */
  code!: string;
  detail!: string;
}

/** A delegation as its focal point sees it with the token: the invitation and its delegates. */
export class DelegationDto {
  @ApiProperty({ format: 'uuid' })
  invitationId!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  /** @example "Rapat Koordinasi dan Workshop Pengelolaan Kehumasan" */
  eventTitle!: string;
  organization!: RegistrationOrganizationDto;
  seatQuota!: number;
  seatsTaken!: number;
  registrations!: RegistrationDto[];
}
