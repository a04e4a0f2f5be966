import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { IsOptionalNotNull } from '../../../common/validation/presence';

/** A new room; its name is unique within the event, ignoring case and accents. */
export class CreateRoomDto {
  /** @example "Ballroom" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  name!: string;

  /** Seats, when known. @example 200 */
  @IsOptional()
  @Min(1)
  @Max(100000)
  @IsInt()
  capacity?: number | null;
}

/** The fields to change; absent fields stay as they are, a null capacity becomes unknown. */
export class UpdateRoomDto {
  /** @example "Ballroom Utama" */
  @IsOptionalNotNull()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  name?: string;

  /** Seats; null when unknown. @example 250 */
  @IsOptional()
  @Min(1)
  @Max(100000)
  @IsInt()
  capacity?: number | null;
}
