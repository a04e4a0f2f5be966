import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EventEntity } from '../events/event.entity';

/**
 * How many of an event's seats are held (registrations pending or confirmed). One row per event,
 * the hot row every seat change updates first: taking a seat is one conditional UPDATE against
 * the event's capacity, and every transaction that changes seats locks this row before any
 * delegation or registration, so they never deadlock.
 */
@Entity({ name: 'event_seats' })
@Check('CK_event_seats_taken', `taken >= 0`)
export class EventSeatsEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'integer', default: 0 })
  taken!: number;
}
