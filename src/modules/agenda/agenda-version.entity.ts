import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { UserEntity } from '../users/user.entity';
import type { RundownEvent } from './render/rundown';
import type { PublishedItem } from './domain/published-item';
import type { AgendaConflictDto } from './dto/agenda-conflicts.dto';

/**
 * A published agenda, frozen: the event's header and every item as they stood, numbered 1, 2, 3…
 * per event. Never changed after it is written; the working agenda moves on in `sessions`.
 */
@Entity({ name: 'agenda_versions' })
@Index('UQ_agenda_versions_event_id_number', ['eventId', 'number'], { unique: true })
@Check('CK_agenda_versions_number', `number > 0`)
export class AgendaVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by' })
  publisher?: Relation<UserEntity> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** The event's header as it stood. */
  @Column({ name: 'event_snapshot', type: 'jsonb' })
  eventSnapshot!: RundownEvent;

  @Column({ type: 'jsonb' })
  items!: PublishedItem[];

  /** The hard conflicts the publisher acknowledged; empty when there were none. */
  @Column({ name: 'acknowledged_conflicts', type: 'jsonb' })
  acknowledgedConflicts!: AgendaConflictDto[];
}
