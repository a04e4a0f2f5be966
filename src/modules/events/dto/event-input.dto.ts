import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { DELEGATE_FIELDS, type DelegateField } from '../domain/event-settings';
import { IsOptionalNotNull } from '../../../common/validation/presence';

/** Where the event takes place. */
export class VenueInputDto {
  /** @example "El Royal Hotel" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  name!: string;

  /** @example "Jl. Bandengan Utara No. 1, Penjaringan" */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(500)
  @IsString()
  address?: string | null;

  /** @example "Jakarta Utara" */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  city?: string | null;
}

/** A change to the registration settings: fields left out keep their value. */
export class EventSettingsInputDto {
  /** Registrations wait for an organizer's approval. */
  @IsOptionalNotNull()
  @IsBoolean()
  approvalRequired?: boolean;

  /** A full event or delegation puts further registrations on a waitlist instead of refusing. */
  @IsOptionalNotNull()
  @IsBoolean()
  waitlistEnabled?: boolean;

  /** Seats a delegation gets unless its invitation says otherwise, 1–100. @example 2 */
  @IsOptionalNotNull()
  @Min(1)
  @Max(100)
  @IsInt()
  defaultDelegationSeats?: number;

  /** Delegate fields a registration must fill in, beyond name and email. */
  @ApiPropertyOptional({ enum: DELEGATE_FIELDS, enumName: 'DelegateField', isArray: true })
  @IsOptionalNotNull()
  @ArrayUnique()
  @IsIn(DELEGATE_FIELDS, { each: true })
  @IsArray()
  requiredDelegateFields?: DelegateField[];

  /** Anyone may register without a delegation's invitation, within the event's capacity. */
  @IsOptionalNotNull()
  @IsBoolean()
  openRegistration?: boolean;
}
