import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { EventWriteLock } from './event-write-lock';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { RoomsController } from './rooms.controller';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [EventsController, RoomsController],
  providers: [EventsRepository, RoomsRepository, EventsService, RoomsService, EventWriteLock],
  exports: [EventsRepository, RoomsRepository, EventWriteLock],
})
export class EventsModule {}
