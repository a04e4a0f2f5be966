import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { AgendaService } from './agenda.service';
import type { AgendaConflictsDto } from './dto/agenda-conflicts.dto';

/** The rundown of an event. */
@ApiTags(ApiTag.Agenda)
@Controller('events/:eventId/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /**
   * Every conflict in the event's agenda, explained.
   *
   * @remarks A person or organization holding roles in two overlapping items (any role), two
   * items in one room at once, an item outside the event's days, a room smaller than an item's
   * seats. Each names the items and people involved, with a sentence in Bahasa Indonesia and in
   * English giving the times in the event's zone.
   */
  @Get('conflicts')
  @AnyStaff()
  @ApiProblems(400, 404)
  listAgendaConflicts(@UuidParam('eventId') eventId: string): Promise<AgendaConflictsDto> {
    return this.agenda.listAgendaConflicts(eventId);
  }
}
