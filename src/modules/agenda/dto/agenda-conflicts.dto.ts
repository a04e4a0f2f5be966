import { ApiProperty } from '@nestjs/swagger';
import { CONFLICT_KINDS, type ConflictKind } from '../domain/conflicts';

/** A sentence in Bahasa Indonesia and in English. */
export class LocalizedTextDto {
  /** @example "Dr. Drs. H. Suhajar Diantoro, M.Si menjadi narasumber di \"Sesi 1\" dan moderator di \"Sesi 2\" pada Rabu, 29 Juni 2022 pukul 08.00–11.00 WIB" */
  id!: string;
  /** @example "Dr. Drs. H. Suhajar Diantoro, M.Si is speaker in \"Sesi 1\" and moderator in \"Sesi 2\" on Wednesday, 29 June 2022 at 08:00–11:00 WIB" */
  en!: string;
}

/** One clash in the agenda, with what it involves and a sentence saying what is wrong. */
export class AgendaConflictDto {
  @ApiProperty({ enum: CONFLICT_KINDS, enumName: 'AgendaConflictKind' })
  kind!: ConflictKind;
  /** `error`: publishing refuses it unless acknowledged; `warning`: worth a look. */
  @ApiProperty({ enum: ['error', 'warning'], enumName: 'AgendaConflictSeverity' })
  severity!: 'error' | 'warning';
  /** The agenda items involved, earliest first. */
  itemIds!: string[];
  personIds!: string[];
  organizationIds!: string[];
  /** The room involved, for room clashes and rooms too small. */
  roomId!: string | null;
  message!: LocalizedTextDto;
}

/** Every conflict of an event's agenda, in the order of the items. */
export class AgendaConflictsDto {
  conflicts!: AgendaConflictDto[];
  /** How many conflicts are errors. */
  errors!: number;
  /** How many conflicts are warnings. */
  warnings!: number;
}
