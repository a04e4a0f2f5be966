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
import { EventEntity } from '../events/event.entity';
import { RoomEntity } from '../events/room.entity';
import { SESSION_TYPES, type SessionType } from './domain/session-kinds';
import { SessionRoleHolderEntity } from './session-role-holder.entity';

@Entity({ name: 'sessions' })
@Check('CK_sessions_scheduled_both_ends', `(starts_at IS NULL) = (ends_at IS NULL)`)
@Check('CK_sessions_ends_after_start', `ends_at IS NULL OR ends_at > starts_at`)
@Check('CK_sessions_duration', `duration_minutes BETWEEN 1 AND 1440`)
@Check('CK_sessions_capacity', `capacity IS NULL OR capacity > 0`)
@Index('IX_sessions_event_id_sort_key_id', ['eventId', 'sortKey', 'id'])
@Index('IX_sessions_room_id', ['roomId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'enum', enum: SESSION_TYPES, enumName: 'session_type' })
  type!: SessionType;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The event's local day the item belongs to; set even before it has a time. */
  @Column({ type: 'date', nullable: true })
  day!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3, nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3, nullable: true })
  endsAt!: Date | null;

  /** The planned length; equals ends_at − starts_at once scheduled. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId!: string | null;

  @ManyToOne(() => RoomEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  track!: string | null;

  /** Seats for delegates choosing among parallel sessions; null: no own limit. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  /** Program order among the event's items, used while items have no time yet. */
  @Column({ type: 'integer' })
  position!: number;

  @OneToMany(() => SessionRoleHolderEntity, (holder) => holder.session)
  roleHolders?: Relation<SessionRoleHolderEntity>[];

  /** Day, then start, then program order: the rundown's order. */
  @Column({ name: 'sort_key', type: 'varchar', length: 80, collation: 'C' })
  sortKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
