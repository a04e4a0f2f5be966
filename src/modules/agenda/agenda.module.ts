import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';

@Module({
  imports: [EventsModule, SessionsModule],
  controllers: [AgendaController],
  providers: [AgendaService],
})
export class AgendaModule {}
