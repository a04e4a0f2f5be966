import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { EVENT_STATUSES, type EventStatus } from './domain/event-status';
import type { EventSettings } from './domain/event-settings';
import { RoomEntity } from './room.entity';

@Entity({ name: 'events' })
@Check('CK_events_slug', `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check('CK_events_dates', `end_date >= start_date`)
@Check('CK_events_capacity', `capacity IS NULL OR capacity > 0`)
@Check(
  'CK_events_registration_window',
  `registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_closes_at > registration_opens_at`,
)
@Index('UQ_events_slug', ['slug'], { unique: true })
@Index('IX_events_sort_key_id', ['sortKey', 'id'])
@Index('IX_events_organizer_id', ['organizerId'])
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-case words joined by hyphens, unique: the event's name in links. */
  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'organizer_id', type: 'uuid', nullable: true })
  organizerId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizer_id' })
  organizer?: Relation<OrganizationEntity> | null;

  @Column({ name: 'venue_name', type: 'varchar', length: 200, nullable: true })
  venueName!: string | null;

  @Column({ name: 'venue_address', type: 'varchar', length: 500, nullable: true })
  venueAddress!: string | null;

  @Column({ name: 'venue_city', type: 'varchar', length: 100, nullable: true })
  venueCity!: string | null;

  /** IANA zone in which the event's dates and times are read. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  /** First local day. */
  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  /** Last local day, inclusive. */
  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  /** Most delegates the event takes; null: no limit beyond the delegations' quotas. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', precision: 3, nullable: true })
  registrationOpensAt!: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', precision: 3, nullable: true })
  registrationClosesAt!: Date | null;

  @Column({ type: 'jsonb' })
  settings!: EventSettings;

  @Column({ type: 'enum', enum: EVENT_STATUSES, enumName: 'event_status', default: 'draft' })
  status!: EventStatus;

  @OneToMany(() => RoomEntity, (room) => room.event)
  rooms?: Relation<RoomEntity>[];

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  /** Start date then slug: events list in the order they happen. */
  @Column({ name: 'sort_key', type: 'varchar', length: 120, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
