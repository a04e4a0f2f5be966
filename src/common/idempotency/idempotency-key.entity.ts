import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A request made with an `Idempotency-Key`: what it asked (a hash of its scope and body) and what
 * it was answered. Written in the request's own transaction, so a retry sees either nothing (the
 * first attempt failed and left no trace) or the committed answer.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  /** What the key is for, such as `registrations:<eventId>`: keys of different scopes never meet. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
