import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff, Organizers } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { ChangeEventStatusDto } from './dto/change-event-status.dto';
import { CreateEventDto } from './dto/create-event.dto';
import type { EventDto, EventPageDto } from './dto/event.dto';
import { ListEventsQueryDto } from './dto/list-events-query.dto';
import { UpdateEventDto } from './dto/update-event.dto';
import { EventsService } from './events.service';

/** Events: what, who, where and when, and their status. */
@ApiTags(ApiTag.Events)
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** List events in the order they happen, filtered by status, text, dates or organizer. */
  @Get()
  @AnyStaff()
  @ApiProblems(400)
  listEvents(@Query() query: ListEventsQueryDto): Promise<EventPageDto> {
    return this.events.listEvents(query);
  }

  /** Create an event, in draft, with its rooms. */
  @Post()
  @Organizers()
  @ApiProblems(400, 409)
  createEvent(@Body() body: CreateEventDto): Promise<EventDto> {
    return this.events.createEvent(body);
  }

  /** Get one event with its rooms. */
  @Get(':eventId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getEvent(@UuidParam('eventId') eventId: string): Promise<EventDto> {
    return this.events.getEvent(eventId);
  }

  /**
   * Change an event's details.
   *
   * @remarks Absent fields stay as they are; null clears the optional ones. New days or a new
   * zone must keep every session inside the event's days (a new zone keeps each session at its
   * instant). Completed and cancelled events no longer change.
   */
  @Patch(':eventId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updateEvent(
    @UuidParam('eventId') eventId: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventDto> {
    return this.events.updateEvent(eventId, body);
  }

  /** Delete a draft or cancelled event, with its rooms and sessions. */
  @Delete(':eventId')
  @HttpCode(204)
  @Organizers()
  @ApiProblems(400, 404, 409)
  deleteEvent(@UuidParam('eventId') eventId: string): Promise<void> {
    return this.events.deleteEvent(eventId);
  }

  /**
   * Move an event to another status.
   *
   * @remarks An event moves draft → published → closed → completed, and may be cancelled before
   * it is completed. Of concurrent requests for the same move, one wins and the others get 409.
   */
  @Post(':eventId/status')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409)
  changeEventStatus(
    @UuidParam('eventId') eventId: string,
    @Body() body: ChangeEventStatusDto,
  ): Promise<EventDto> {
    return this.events.changeEventStatus(eventId, body);
  }
}
