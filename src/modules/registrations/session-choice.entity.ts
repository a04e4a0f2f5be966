import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { SessionEntity } from '../sessions/session.entity';
import { RegistrationEntity } from './registration.entity';

/**
 * A parallel session a delegate chose. Only seated (pending or confirmed) registrations hold
 * choices; each holds one of the session's seats, counted in `session_seats`.
 */
@Entity({ name: 'registration_sessions' })
@Index('IX_registration_sessions_session_id', ['sessionId'])
export class SessionChoiceEntity {
  @PrimaryColumn({ name: 'registration_id', type: 'uuid' })
  registrationId!: string;

  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: Relation<RegistrationEntity>;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionEntity>;
}

/**
 * How many of a session's seats are held: taken by one conditional upsert against
 * `sessions.capacity`, like the event's seats, after the event's seat row is locked.
 */
@Entity({ name: 'session_seats' })
@Check('CK_session_seats_taken', `taken >= 0`)
export class SessionSeatsEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @OneToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionEntity>;

  @Column({ type: 'integer', default: 0 })
  taken!: number;
}
