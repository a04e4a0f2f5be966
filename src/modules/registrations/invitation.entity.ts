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
import { EventEntity } from '../events/event.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

export const INVITATION_STATUSES = ['active', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * A delegation: an organization invited to an event with a seat quota, a focal point, and a
 * secret token (stored as its SHA-256 hash) for its registration link. `seats_taken` counts its
 * registrations holding a seat (pending or confirmed); the check keeps it within the quota, so
 * the database itself refuses an overbooked delegation.
 */
@Entity({ name: 'invitations' })
@Check('CK_invitations_seats', `seats_taken >= 0 AND seats_taken <= seat_quota`)
@Check('CK_invitations_quota', `seat_quota > 0`)
@Index('UQ_invitations_event_id_organization_id', ['eventId', 'organizationId'], { unique: true })
@Index('UQ_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('IX_invitations_event_id_sort_key_id', ['eventId', 'sortKey', 'id'])
@Index('IX_invitations_organization_id', ['organizationId'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'seat_quota', type: 'integer' })
  seatQuota!: number;

  @Column({ name: 'seats_taken', type: 'integer', default: 0 })
  seatsTaken!: number;

  @Column({ name: 'focal_name', type: 'varchar', length: 200, nullable: true })
  focalName!: string | null;

  @Column({ name: 'focal_email', type: 'varchar', length: 254, nullable: true })
  focalEmail!: string | null;

  @Column({ name: 'focal_phone', type: 'varchar', length: 20, nullable: true })
  focalPhone!: string | null;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({
    type: 'enum',
    enum: INVITATION_STATUSES,
    enumName: 'invitation_status',
    default: 'active',
  })
  status!: InvitationStatus;

  /** The organization's sort key: delegations list in catalog order. */
  @Column({ name: 'sort_key', type: 'varchar', length: 400, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
