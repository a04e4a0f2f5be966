import type { OrganizationSummaryDto } from '../../organizations/dto/organization.dto';

/** A disagreement between fields that may be legitimate: reported, not refused. */
export class FieldWarningDto {
  /** @example "nip" */
  field!: string;
  /** @example "NIP_SEX_DISAGREES_WITH_TITLE" */
  code!: string;
  message!: string;
}

/** A speaker, moderator, official or anyone else who holds a role in events. */
export class PersonDto {
  /** @example "8d1b0c8e-3a54-4d7e-8f0e-0b4c2f6a9e21" */
  id!: string;
  /** @example "Dr. Drs. H." */
  titlesBefore!: string | null;
  /** @example "Suhajar Diantoro" */
  name!: string;
  /** @example "M.Si" */
  titlesAfter!: string | null;
  /** The name with its titles, written the Indonesian way. @example "Dr. Drs. H. Suhajar Diantoro, M.Si" */
  displayName!: string;
  /** Jabatan. @example "Sekretaris Jenderal Kementerian Dalam Negeri" */
  position!: string | null;
  organization!: OrganizationSummaryDto | null;
  /** @example "198609262015051001" */
  nip!: string | null;
  /** @example "humas@kemendagri.go.id" */
  email!: string | null;
  /** E.164. @example "+6281234567890" */
  phone!: string | null;
  /** Fields that disagree in a way that may be legitimate; empty when all is well. */
  warnings!: FieldWarningDto[];
  createdAt!: string;
  updatedAt!: string;
}

/** One page of people. */
export class PersonPageDto {
  items!: PersonDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
