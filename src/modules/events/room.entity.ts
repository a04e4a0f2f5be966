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
import { EventEntity } from './event.entity';

@Entity({ name: 'rooms' })
@Check('CK_rooms_capacity', `capacity IS NULL OR capacity > 0`)
@Index('UQ_rooms_event_id_name_key', ['eventId', 'nameKey'], { unique: true })
export class RoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => EventEntity, (event) => event.rooms, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<EventEntity>;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The folded name: two rooms of one event cannot differ only in case or accents. */
  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey!: string;

  /** Seats; null when unknown. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
