import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { RegistrationEntity } from '../registrations/registration.entity';
import { SessionEntity } from '../sessions/session.entity';
import { UserEntity } from '../users/user.entity';
import {
  ATTENDANCE_ACTIONS,
  ATTENDANCE_STATUSES,
  type AttendanceAction,
  type AttendanceStatus,
  CHECK_IN_METHODS,
  type CheckInMethod,
} from './domain/attendance';

/**
 * One entry of an event's attendance ledger: a check-in (at the door or a session), a check-out,
 * or a status an organizer set. Append-only and chained: `hash` covers the entry and the hash of
 * the entry before it in `position` order, so that an edit, an insertion or a deletion shows. The
 * database settles every entry (`record_attendance`), one event at a time, so that concurrent
 * scans of one code record one check-in and a replayed offline scan is found by its client id.
 */
@Entity({ name: 'check_ins' })
@Index('UQ_check_ins_event_position', ['eventId', 'position'], { unique: true })
@Index('UQ_check_ins_event_client_scan', ['eventId', 'clientScanId'], {
  unique: true,
  where: `client_scan_id IS NOT NULL`,
})
@Index('UQ_check_ins_day', ['registrationId', 'day'], {
  unique: true,
  where: `action = 'check_in' AND session_id IS NULL`,
})
@Index('UQ_check_ins_session', ['registrationId', 'day', 'sessionId'], {
  unique: true,
  where: `action = 'check_in' AND session_id IS NOT NULL`,
})
@Index('UQ_check_ins_check_out', ['registrationId', 'day'], {
  unique: true,
  where: `action = 'check_out'`,
})
@Index('IX_check_ins_session_id', ['sessionId'], { where: `session_id IS NOT NULL` })
@Index('IX_check_ins_staff_user_id', ['staffUserId'])
@Check('CK_check_ins_position', `position >= 1`)
export class CheckInEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  /** The entry's place in the event's chain, from 1. */
  @Column({ type: 'bigint' })
  position!: string;

  /** NO ACTION (checked at the end of the statement): deleting an event removes both. */
  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<RegistrationEntity>;

  /** The event's local date the entry is for. */
  @Column({ type: 'date' })
  day!: string;

  /** The session checked in to; null for the day (the door). */
  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => SessionEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionEntity> | null;

  @Column({ type: 'enum', enum: ATTENDANCE_ACTIONS, enumName: 'attendance_action' })
  action!: AttendanceAction;

  @Column({ type: 'enum', enum: CHECK_IN_METHODS, enumName: 'check_in_method' })
  method!: CheckInMethod;

  /** The day's status the entry left the delegate in. */
  @Column({ type: 'enum', enum: ATTENDANCE_STATUSES, enumName: 'attendance_status' })
  status!: AttendanceStatus;

  /** Who came instead, with `diwakili`. */
  @Column({ name: 'representative_name', type: 'varchar', length: 200, nullable: true })
  representativeName!: string | null;

  /** When it happened: the scan time, the device's own for an offline scan. */
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'staff_user_id', type: 'uuid' })
  staffUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: Relation<UserEntity>;

  /** The scanning device's own id for the scan, unique per event, so that a replay is found. */
  @Column({ name: 'client_scan_id', type: 'varchar', length: 100, nullable: true })
  clientScanId!: string | null;

  /** SHA-256 hex over the previous entry's hash and this entry (see `domain/hash-chain.ts`). */
  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** When the server recorded it; not chained, since a replay may come days later. */
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt!: Date;
}

/**
 * The head of an event's attendance chain: how many entries it has and the last one's hash.
 * Every entry locks this row first, so entries of one event are chained one at a time, and a
 * deleted last entry shows as a head the entries no longer reach.
 */
@Entity({ name: 'attendance_chains' })
@Check('CK_attendance_chains_length', `length >= 0`)
export class AttendanceChainEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'bigint' })
  length!: string;

  @Column({ type: 'char', length: 64 })
  head!: string;
}

/**
 * A delegate's attendance on one day, as the ledger leaves it: what the daftar hadir prints and
 * the reports count. Written only by `record_attendance`, with the entry that changes it.
 */
@Entity({ name: 'attendance_days' })
@Index('IX_attendance_days_event_day', ['eventId', 'day'])
export class AttendanceDayEntity {
  @PrimaryColumn({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<RegistrationEntity>;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'enum', enum: ATTENDANCE_STATUSES, enumName: 'attendance_status' })
  status!: AttendanceStatus;

  @Column({ name: 'representative_name', type: 'varchar', length: 200, nullable: true })
  representativeName!: string | null;

  /** The first check-in of the day, at the door or a session. */
  @Column({ name: 'checked_in_at', type: 'timestamptz', precision: 3, nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', precision: 3, nullable: true })
  checkedOutAt!: Date | null;
}
