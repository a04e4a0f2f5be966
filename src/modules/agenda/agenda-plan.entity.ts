import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { EventEntity } from '../events/event.entity';
import type { BreakRules, DayWindow } from './domain/agenda-types';
import type { OrderingConstraint } from './domain/generate-schedule';

/** A person's stated availability at the event, as stored: local-zone instants in ISO text. */
export interface StoredAvailability {
  personId: string;
  from: string;
  to: string;
}

/**
 * What the organizers tell the generator about an event's agenda: the hours of each day, the
 * break rules, the order items must keep, the items pinned where they are, and when people can
 * be there. One row per event, replaced as a whole; an event without one has no rules.
 */
@Entity({ name: 'agenda_plans' })
export class AgendaPlanEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ name: 'day_windows', type: 'jsonb' })
  dayWindows!: DayWindow[];

  @Column({ name: 'break_rules', type: 'jsonb' })
  breakRules!: BreakRules;

  @Column({ type: 'jsonb' })
  ordering!: OrderingConstraint[];

  @Column({ name: 'pinned_session_ids', type: 'jsonb' })
  pinnedSessionIds!: string[];

  @Column({ type: 'jsonb' })
  availability!: StoredAvailability[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
