import { Module } from '@nestjs/common';
import { IdempotencyStore } from '../../common/idempotency/idempotency.store';
import { AgendaModule } from '../agenda/agenda.module';
import { EventsModule } from '../events/events.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SessionsModule } from '../sessions/sessions.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { NameTagsController } from './name-tags.controller';
import { NikVault } from './nik-vault';
import { RegistrationMapper } from './registration.mapper';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';
import { SeatsRepository } from './seats.repository';
import { DelegationController, SelfServiceController } from './self-service.controller';
import { Waitlist } from './waitlist';

@Module({
  imports: [EventsModule, OrganizationsModule, SessionsModule, AgendaModule],
  controllers: [
    InvitationsController,
    RegistrationsController,
    SelfServiceController,
    DelegationController,
    NameTagsController,
  ],
  providers: [
    InvitationsRepository,
    InvitationsService,
    RegistrationsRepository,
    RegistrationsService,
    RegistrationMapper,
    SeatsRepository,
    Waitlist,
    NikVault,
    IdempotencyStore,
  ],
  exports: [RegistrationsRepository],
})
export class RegistrationsModule {}
