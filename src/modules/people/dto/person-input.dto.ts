import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { IsNip, IsPhone } from './identity-validators';

/** A person to add. Titles are kept apart from the name so that lists sort by name. */
export class CreatePersonDto {
  /** Honorifics and degrees before the name. @example "Dr. Drs. H." */
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(100)
  @IsString()
  titlesBefore?: string | null;

  /** @example "Suhajar Diantoro" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  name!: string;

  /** Degrees after the name. @example "M.Si" */
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(100)
  @IsString()
  titlesAfter?: string | null;

  /** Jabatan. @example "Sekretaris Jenderal Kementerian Dalam Negeri" */
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(300)
  @IsString()
  position?: string | null;

  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  /** 18 digits; spaces between the groups are allowed. @example "198609262015051001" */
  @IsOptional()
  @IsNip()
  @IsString()
  nip?: string | null;

  /** @example "humas@kemendagri.go.id" */
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail()
  email?: string | null;

  /** Any common writing; stored as E.164 (0812… becomes +62812…). @example "0812-3456-7890" */
  @IsOptional()
  @IsPhone()
  @IsString()
  phone?: string | null;
}

/** The fields to change; absent fields stay, null clears an optional one. */
export class UpdatePersonDto extends PartialType(CreatePersonDto) {}
