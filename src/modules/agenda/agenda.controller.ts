import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type Actor,
  AnyStaff,
  CurrentActor,
  Organizers,
  Public,
} from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { PositiveIntParam } from '../../common/validation/version-param';
import { answer, ApiAgendaOutput } from './agenda-output';
import { AgendaService } from './agenda.service';
import type { AgendaConflictsDto } from './dto/agenda-conflicts.dto';
import { AgendaPlanInputDto, type AgendaPlanDto } from './dto/agenda-plan.dto';
import {
  AgendaDiffQueryDto,
  PublishAgendaDto,
  type AgendaDiffDto,
  type AgendaVersionDto,
  type AgendaVersionListDto,
} from './dto/agenda-version.dto';
import { AgendaFormatQueryDto, PublishedAgendaQueryDto } from './dto/agenda.dto';
import { GenerateAgendaDto, type GeneratedAgendaDto } from './dto/generate-agenda.dto';

/** The rundown of an event: its plan, generation, conflicts, versions and outputs. */
@ApiTags(ApiTag.Agenda)
@Controller('events/:eventId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /**
   * The published agenda (susunan acara), latest version.
   *
   * @remarks Anyone may read it. The format comes from `?format=` or the Accept header: JSON,
   * iCalendar (`text/calendar`: one event per item, UIDs stable across versions, SEQUENCE rising
   * with each change), PDF (A4, Bahasa Indonesia), printable HTML, or CSV. 404
   * AGENDA_NOT_PUBLISHED until a version is published. With `personId`, one person's agenda:
   * the items where they speak, moderate, open… (as iCalendar, to import into a calendar app).
   */
  @Get()
  @Public()
  @ApiAgendaOutput()
  @ApiProblems(400, 404, 406)
  getPublishedAgenda(
    @UuidParam('eventId') eventId: string,
    @Query() query: PublishedAgendaQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return answer(reply, query, accept, 'json', () =>
      this.agenda.publishedRundown(eventId, undefined, query.personId),
    );
  }

  /**
   * The working agenda as it stands now, unpublished.
   *
   * @remarks For staff checking the rundown before publishing; the same formats as the published
   * agenda, marked as a draft.
   */
  @Get('draft')
  @AnyStaff()
  @ApiAgendaOutput()
  @ApiProblems(400, 404, 406)
  getDraftAgenda(
    @UuidParam('eventId') eventId: string,
    @Query() query: AgendaFormatQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return answer(reply, query, accept, 'json', () => this.agenda.draftRundown(eventId));
  }

  /**
   * Every conflict in the event's working agenda, explained.
   *
   * @remarks A person or organization holding roles in two overlapping items (any role), two
   * items in one room at once, an item outside the event's days or a day's hours, outside a
   * person's availability, over ISHOMA, or in a room smaller than its seats. Each names the items
   * and people involved, with a sentence in Bahasa Indonesia and in English giving the times in
   * the event's zone.
   */
  @Get('conflicts')
  @AnyStaff()
  @ApiProblems(400, 404)
  listAgendaConflicts(@UuidParam('eventId') eventId: string): Promise<AgendaConflictsDto> {
    return this.agenda.listAgendaConflicts(eventId);
  }

  /** The plan generation works from: day hours, break rules, ordering, pinned items, availability. */
  @Get('plan')
  @AnyStaff()
  @ApiProblems(400, 404)
  getAgendaPlan(@UuidParam('eventId') eventId: string): Promise<AgendaPlanDto> {
    return this.agenda.getPlan(eventId);
  }

  /**
   * Replace the plan.
   *
   * @remarks Day windows must be on the event's days; ordering and pinned items must be items of
   * the event; availability names people and takes times with an offset or local to the event's
   * zone.
   */
  @Put('plan')
  @Organizers()
  @ApiProblems(400, 404, 409)
  replaceAgendaPlan(
    @UuidParam('eventId') eventId: string,
    @Body() body: AgendaPlanInputDto,
  ): Promise<AgendaPlanDto> {
    return this.agenda.replacePlan(eventId, body);
  }

  /**
   * Generate the agenda, or preview it with `dryRun`.
   *
   * @remarks Places items without times (or, by `reschedule`, also unpublished or all items that
   * are not pinned) at the earliest time that clashes with nothing, in program order, inserting
   * coffee breaks and ISHOMA by the plan's rules. Deterministic: the same agenda and plan give the
   * same result. Without `dryRun` the times and breaks are written, and the request is refused
   * with 422 AGENDA_INFEASIBLE, listing what does not fit and why, when anything cannot be placed;
   * a dry run changes nothing and reports the same.
   */
  @Post('generate')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409, 422)
  generateAgenda(
    @UuidParam('eventId') eventId: string,
    @Body() body: GenerateAgendaDto,
  ): Promise<GeneratedAgendaDto> {
    return this.agenda.generate(eventId, body);
  }

  /** Every published version, newest first, with what each changed. */
  @Get('versions')
  @Public()
  @ApiProblems(400, 404)
  listAgendaVersions(@UuidParam('eventId') eventId: string): Promise<AgendaVersionListDto> {
    return this.agenda.listVersions(eventId);
  }

  /**
   * Publish the working agenda as the next version.
   *
   * @remarks Freezes every item as it stands. Refused with 409 AGENDA_HARD_CONFLICTS (listing
   * them) while hard conflicts remain, unless `acknowledgeConflicts` is true, and with 409
   * AGENDA_UNCHANGED when nothing changed since the latest version.
   */
  @Post('publish')
  @Organizers()
  @ApiProblems(400, 404, 409)
  publishAgenda(
    @UuidParam('eventId') eventId: string,
    @Body() body: PublishAgendaDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgendaVersionDto> {
    return this.agenda.publish(eventId, body, actor.id);
  }

  /**
   * What changed in a published version: items added, moved, changed and cancelled.
   *
   * @remarks Against the version before it, or the one `from` names (0: an empty agenda). Each
   * change names the people and organizations holding roles in the item, who should hear of it.
   */
  @Get('versions/:number/diff')
  @Public()
  @ApiProblems(400, 404)
  diffAgendaVersions(
    @UuidParam('eventId') eventId: string,
    @PositiveIntParam('number') number: number,
    @Query() query: AgendaDiffQueryDto,
  ): Promise<AgendaDiffDto> {
    return this.agenda.diff(eventId, query.from ?? number - 1, number);
  }

  /** One published version, in any of the agenda's formats; `personId` for one person's part. */
  @Get('versions/:number')
  @Public()
  @ApiAgendaOutput()
  @ApiProblems(400, 404, 406)
  getAgendaVersion(
    @UuidParam('eventId') eventId: string,
    @PositiveIntParam('number') number: number,
    @Query() query: PublishedAgendaQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return answer(reply, query, accept, 'json', () =>
      this.agenda.publishedRundown(eventId, number, query.personId),
    );
  }
}
