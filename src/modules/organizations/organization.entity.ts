import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SOURCES,
  type OrganizationKind,
  type OrganizationSource,
  REPORTING_GROUPS,
  type ReportingGroup,
} from './domain/organization-kind';

@Entity({ name: 'organizations' })
@Check('CK_organizations_region_code', `region_code ~ '^[0-9]{2}(\\.[0-9]{2}){0,3}$'`)
@Check(
  'CK_organizations_valid_dates',
  `valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`,
)
@Check('CK_organizations_not_own_parent', `parent_id IS NULL OR parent_id <> id`)
@Index('IX_organizations_sort_key_id', ['sortKey', 'id'])
@Index('IX_organizations_parent_id', ['parentId'])
@Index('IX_organizations_region_code', ['regionCode'])
@Index('UQ_organizations_current_region_code', ['regionCode'], {
  unique: true,
  where: 'valid_to IS NULL',
})
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: ORGANIZATION_KINDS, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Column({
    name: 'reporting_group',
    type: 'enum',
    enum: REPORTING_GROUPS,
    enumName: 'reporting_group',
  })
  reportingGroup!: ReportingGroup;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  acronym!: string | null;

  /** Kemendagri's code for a regional government: `11` Aceh, `11.71` Kota Banda Aceh. */
  @Column({ name: 'region_code', type: 'varchar', length: 13, nullable: true })
  regionCode!: string | null;

  /** IANA zone of the province (WIB, WITA, WIT). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrganizationEntity> | null;

  /** First day the organization exists under this name and code; null: as far back as we know. */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  /** Last day it exists under this name and code; null: still does. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'enum', enum: ORGANIZATION_SOURCES, enumName: 'organization_source' })
  source!: OrganizationSource;

  /** Name, acronym and code folded for accent- and case-blind search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** Regional governments first in code order, then everyone else by folded name. */
  @Column({ name: 'sort_key', type: 'varchar', length: 400, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
