import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { InvitationEntity } from './invitation.entity';

export const REGISTRATION_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'rejected',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A registration that still counts: one per person per event. */
const LIVE = `status IN ('pending', 'confirmed', 'waitlisted')`;

/**
 * A delegate's registration for an event. Pending and confirmed registrations hold a seat (of
 * the event and of the delegation); waitlisted ones wait in `queue_position` order. At most one
 * live registration per email, and per NIP when given, per event: unique indexes, so concurrent
 * requests cannot both get in.
 */
@Entity({ name: 'registrations' })
@Check('CK_registrations_consent', `consent_data_processing`)
@Index('UQ_registrations_code', ['code'], { unique: true })
@Index('UQ_registrations_code_hash', ['codeHash'], { unique: true })
@Index('UQ_registrations_live_email', ['eventId', 'email'], { unique: true, where: LIVE })
@Index('UQ_registrations_live_nip', ['eventId', 'nip'], {
  unique: true,
  where: `nip IS NOT NULL AND ${LIVE}`,
})
@Index('IX_registrations_event_id_sort_key_id', ['eventId', 'sortKey', 'id'])
@Index('IX_registrations_waitlist', ['eventId', 'queuePosition'], {
  where: `status = 'waitlisted'`,
})
@Index('IX_registrations_invitation_id', ['invitationId'])
@Index('IX_registrations_organization_id', ['organizationId'])
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  /** The delegation registered through; null for open registration. */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId!: string | null;

  /** NO ACTION (checked at the end of the statement): deleting an event removes both. */
  @ManyToOne(() => InvitationEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Relation<InvitationEntity> | null;

  /** The delegation's organization; null for open registration. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity> | null;

  /** The short code delegates read and type ("7K3M-Q9TD-2XC"). */
  @Column({ type: 'varchar', length: 16 })
  code!: string;

  /** SHA-256 of the code: self-service finds a registration by it, not by the code itself. */
  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash!: string;

  @Column({ type: 'enum', enum: REGISTRATION_STATUSES, enumName: 'registration_status' })
  status!: RegistrationStatus;

  /** Order on the waitlist: drawn from a sequence when the registration is made. */
  @Column({ name: 'queue_position', type: 'bigint' })
  @Generated('increment')
  queuePosition!: string;

  @Column({ name: 'titles_before', type: 'varchar', length: 100, nullable: true })
  titlesBefore!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'titles_after', type: 'varchar', length: 100, nullable: true })
  titlesAfter!: string | null;

  @Column({ name: 'employment_type', type: 'varchar', length: 10, nullable: true })
  employmentType!: string | null;

  @Column({ type: 'char', length: 18, nullable: true })
  nip!: string | null;

  @Column({ name: 'rank_grade', type: 'varchar', length: 10, nullable: true })
  rankGrade!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  position!: string | null;

  @Column({ name: 'work_unit', type: 'varchar', length: 300, nullable: true })
  workUnit!: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** E.164. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** The NIK, encrypted (AES-256-GCM), only where the event asks for it. */
  @Column({ name: 'nik_encrypted', type: 'text', nullable: true })
  nikEncrypted!: string | null;

  @Column({ name: 'consent_data_processing', type: 'boolean' })
  consentDataProcessing!: boolean;

  @Column({ name: 'consent_photos', type: 'boolean', default: false })
  consentPhotos!: boolean;

  @Column({ name: 'consented_at', type: 'timestamptz', precision: 3 })
  consentedAt!: Date;

  /** Why an organizer rejected it, or the delegate cancelled it. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  /** The name with titles, as `composeDisplayName` writes it: what lists and exports print. */
  @Column({ name: 'display_name', type: 'varchar', length: 420 })
  displayName!: string;

  /** The phone as `maskPhone` writes it, for readers who may not see it whole. */
  @Column({ name: 'phone_masked', type: 'varchar', length: 20, nullable: true })
  phoneMasked!: string | null;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** Name then id: registrations list alphabetically. */
  @Column({ name: 'sort_key', type: 'varchar', length: 400, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
