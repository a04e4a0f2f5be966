import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff, Organizers } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { CreateSessionDto } from './dto/create-session.dto';
import { ListSessionsQueryDto } from './dto/list-sessions-query.dto';
import type { SessionDto, SessionPageDto } from './dto/session.dto';
import { UpdateSessionDto } from './dto/update-session.dto';
import { SessionsService } from './sessions.service';

/** The agenda items of an event. */
@ApiTags(ApiTag.Sessions)
@Controller('events/:eventId/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /**
   * List an event's agenda items in rundown order.
   *
   * @remarks Sorted by day, start time and program order; unscheduled items follow the
   * scheduled ones of their day, and items without a day come last. Filters: day, room, track,
   * type, role holder (person or organization), and whether an item has times.
   */
  @Get()
  @AnyStaff()
  @ApiProblems(400, 404)
  listSessions(
    @UuidParam('eventId') eventId: string,
    @Query() query: ListSessionsQueryDto,
  ): Promise<SessionPageDto> {
    return this.sessions.listSessions(eventId, query);
  }

  /**
   * Add an agenda item.
   *
   * @remarks Scheduled items need startsAt and endsAt inside the event's days; timestamps
   * without an offset are local times in the event's zone. Unscheduled items need
   * durationMinutes. Role holders are people or organizations from the catalog.
   */
  @Post()
  @Organizers()
  @ApiProblems(400, 404, 409)
  createSession(
    @UuidParam('eventId') eventId: string,
    @Body() body: CreateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.createSession(eventId, body);
  }

  /** Get one agenda item with its room and role holders. */
  @Get(':sessionId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getSession(
    @UuidParam('eventId') eventId: string,
    @UuidParam('sessionId') sessionId: string,
  ): Promise<SessionDto> {
    return this.sessions.getSession(eventId, sessionId);
  }

  /**
   * Change an agenda item.
   *
   * @remarks Absent fields stay as they are; null clears the optional ones. startsAt and endsAt
   * change together; both null takes the item off the clock, keeping its duration and day.
   * roles, when given, replaces the whole list.
   */
  @Patch(':sessionId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updateSession(
    @UuidParam('eventId') eventId: string,
    @UuidParam('sessionId') sessionId: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.updateSession(eventId, sessionId, body);
  }

  /** Remove an agenda item. */
  @Delete(':sessionId')
  @HttpCode(204)
  @Organizers()
  @ApiProblems(400, 404, 409)
  deleteSession(
    @UuidParam('eventId') eventId: string,
    @UuidParam('sessionId') sessionId: string,
  ): Promise<void> {
    return this.sessions.deleteSession(eventId, sessionId);
  }
}
