import { Injectable } from '@nestjs/common';
import { eventNotFound } from '../events/events.errors';
import { EventsRepository } from '../events/events.repository';
import { SessionsRepository } from '../sessions/sessions.repository';
import { toAgendaInput } from './agenda-input';
import { type Conflict, detectConflicts, isHardConflict } from './domain/conflicts';
import type { AgendaConflictDto, AgendaConflictsDto } from './dto/agenda-conflicts.dto';

@Injectable()
export class AgendaService {
  constructor(
    private readonly events: EventsRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async listAgendaConflicts(eventId: string): Promise<AgendaConflictsDto> {
    const event = await this.events.findRecord(eventId);
    if (!event) throw eventNotFound(eventId);
    const { items, context } = toAgendaInput(event, await this.sessions.findAllOfEvent(eventId));
    const conflicts = detectConflicts(items, context);
    const errors = conflicts.filter(isHardConflict).length;
    return {
      conflicts: conflicts.map(toConflictDto),
      errors,
      warnings: conflicts.length - errors,
    };
  }
}

function toConflictDto(conflict: Conflict): AgendaConflictDto {
  return {
    kind: conflict.kind,
    severity: conflict.severity,
    itemIds: conflict.itemIds,
    personIds: conflict.personIds,
    organizationIds: conflict.organizationIds,
    roomId: 'roomId' in conflict ? conflict.roomId : null,
    message: conflict.message,
  };
}
