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
import { OrganizationEntity } from '../organizations/organization.entity';

@Entity({ name: 'people' })
@Check('CK_people_nip_digits', `nip ~ '^[0-9]{18}$'`)
@Check('CK_people_phone_e164', `phone ~ '^\\+[1-9][0-9]{6,14}$'`)
@Check('CK_people_email_lower_case', `email = lower(email)`)
@Index('IX_people_sort_key_id', ['sortKey', 'id'])
@Index('IX_people_organization_id', ['organizationId'])
@Index('UQ_people_nip', ['nip'], { unique: true })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Honorifics and degrees written before the name: `Dr. Drs. H.` */
  @Column({ name: 'titles_before', type: 'varchar', length: 100, nullable: true })
  titlesBefore!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Degrees written after the name: `M.Si` */
  @Column({ name: 'titles_after', type: 'varchar', length: 100, nullable: true })
  titlesAfter!: string | null;

  /** Jabatan. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  position!: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity> | null;

  /** Civil servant number, 18 digits; one person per NIP. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  nip!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** E.164. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** The folded name, so that lists read alphabetically. */
  @Column({ name: 'sort_key', type: 'varchar', length: 400, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
