import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegistrationStatus } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { SeatsRepository } from './seats.repository';

/**
 * Seats the waitlist, in queue order, in the transaction that freed seats (a cancellation, a
 * rejection, a raised quota). The caller has locked the event's seats first, so nobody else
 * takes or frees a seat of this event meanwhile.
 */
@Injectable()
export class Waitlist {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly seats: SeatsRepository,
  ) {}

  /** Promotes while seats allow; the ids promoted, in order. */
  async promote(
    manager: EntityManager,
    eventId: string,
    approvalRequired: boolean,
  ): Promise<string[]> {
    const promoted: string[] = [];
    const to: RegistrationStatus = approvalRequired ? 'pending' : 'confirmed';
    for (;;) {
      const next = await this.registrations.nextOnWaitlist(manager, eventId);
      if (!next) return promoted;
      if ((await this.seats.takeSeat(manager, eventId, next.invitationId)) !== 'taken') {
        return promoted;
      }
      await this.registrations.changeStatus(manager, next.id, ['waitlisted'], to);
      promoted.push(next.id);
    }
  }
}
