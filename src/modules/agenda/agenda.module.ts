import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { EventsModule } from '../events/events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';

@Module({
  imports: [EventsModule, SessionsModule, PeopleModule],
  controllers: [AgendaController],
  providers: [AgendaService, AgendaRepository],
  exports: [AgendaService],
})
export class AgendaModule {}
