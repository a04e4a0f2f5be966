import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isReadOnly } from './domain/event-status';
import type { EventEntity } from './event.entity';
import { eventNotFound, eventReadOnly } from './events.errors';
import { EventsRepository } from './events.repository';

/**
 * The first step of every change to an event, its rooms or its sessions: lock the event's row
 * for the rest of the transaction, and refuse when it is missing or read-only. Changes to one
 * event therefore run one after another, each seeing the state the previous one left.
 */
@Injectable()
export class EventWriteLock {
  constructor(private readonly events: EventsRepository) {}

  async acquire(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await this.events.findForUpdate(manager, eventId);
    if (!event) throw eventNotFound(eventId);
    if (isReadOnly(event.status)) throw eventReadOnly(event.title, event.status);
    return event;
  }
}
