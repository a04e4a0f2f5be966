import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EventWriteLock } from '../events/event-write-lock';
import { eventNotFound } from '../events/events.errors';
import { EventsRepository } from '../events/events.repository';
import { composeDisplayName } from '../people/domain/display-name';
import { PeopleRepository } from '../people/people.repository';
import { sessionSortKey } from '../sessions/domain/session-times';
import { SessionsRepository } from '../sessions/sessions.repository';
import type { AgendaVersionEntity } from './agenda-version.entity';
import { type GenerationState, placementOf, runGeneration } from './agenda-generation';
import { toAgendaInput, toPublishedItems, toRundown, toRundownEvent } from './agenda-input';
import { checkPlan } from './agenda-plan-check';
import { AgendaError } from './agenda.errors';
import { toConflictDto, toConflictsDto, toItemDto, toPlanDto, toVersionDto } from './agenda.mapper';
import { AgendaRepository } from './agenda.repository';
import { detectConflicts, isHardConflict } from './domain/conflicts';
import { type PublishedItem, withSequences } from './domain/published-item';
import { diffVersions } from './domain/version-diff';
import type { AgendaConflictsDto } from './dto/agenda-conflicts.dto';
import type { AgendaPlanDto, AgendaPlanInputDto } from './dto/agenda-plan.dto';
import type {
  AgendaChangeDto,
  AgendaDiffDto,
  AgendaVersionDto,
  AgendaVersionListDto,
  PublishAgendaDto,
} from './dto/agenda-version.dto';
import type { GenerateAgendaDto, GeneratedAgendaDto } from './dto/generate-agenda.dto';
import type { Rundown } from './render/rundown';

@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly sessions: SessionsRepository,
    private readonly people: PeopleRepository,
    private readonly agenda: AgendaRepository,
    private readonly writeLock: EventWriteLock,
  ) {}

  async listAgendaConflicts(eventId: string): Promise<AgendaConflictsDto> {
    const { event, sessions, plan } = await this.load(eventId);
    const { items, context } = toAgendaInput(event, sessions, plan);
    return toConflictsDto(detectConflicts(items, context));
  }

  // ---- plan ---------------------------------------------------------------------------------

  async getPlan(eventId: string): Promise<AgendaPlanDto> {
    const event = await this.events.findRecord(eventId);
    if (!event) throw eventNotFound(eventId);
    return toPlanDto(event.timeZone, await this.agenda.findPlan(eventId));
  }

  async replacePlan(eventId: string, input: AgendaPlanInputDto): Promise<AgendaPlanDto> {
    const people = await this.people.existingIds(input.availability.map((span) => span.personId));
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.writeLock.acquire(manager, eventId);
      const sessionIds = new Set(
        (await this.sessions.findAllOfEvent(eventId, manager)).map((session) => session.id),
      );
      const availability = checkPlan(locked, input, sessionIds, people);
      await this.agenda.savePlan(manager, eventId, {
        dayWindows: input.dayWindows.map(({ date, from, to }) => ({ date, from, to })),
        breakRules: { ...input.breakRules },
        ordering: input.ordering.map(({ before, after }) => ({ before, after })),
        pinnedSessionIds: [...new Set(input.pinnedSessionIds)],
        availability,
      });
      return toPlanDto(locked.timeZone, await this.agenda.findPlan(eventId, manager));
    });
  }

  // ---- generation ---------------------------------------------------------------------------

  async generate(eventId: string, input: GenerateAgendaDto): Promise<GeneratedAgendaDto> {
    const scope = input.reschedule ?? 'unscheduled';
    if (input.dryRun) return runGeneration(await this.load(eventId), scope).dto;
    return this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      const state = await this.load(eventId, manager);
      const { dto, result, removedBreakIds } = runGeneration(state, scope);
      if (result.unplaced.length > 0) {
        throw new AgendaError(
          'AGENDA_INFEASIBLE',
          `${result.unplaced.length} item(s) cannot be placed, so nothing was changed: ${result.unplaced
            .map((entry) => entry.message.en)
            .join('; ')}.`,
          undefined,
          { unplaced: dto.unplaced },
        );
      }
      await this.sessions.deleteAll(manager, eventId, removedBreakIds);
      const positions = new Map(state.sessions.map((session) => [session.id, session.position]));
      await this.sessions.placeAll(
        manager,
        eventId,
        result.placed
          .filter((item) => item.placement === 'placed')
          .map((item) => placementOf(item, positions.get(item.id) ?? 0)),
      );
      let position = await this.sessions.nextPosition(manager, eventId);
      for (const [index, item] of result.placed.entries()) {
        if (item.placement !== 'break') continue;
        const startsAt = new Date(item.start);
        const id = await this.sessions.insert(manager, {
          eventId,
          type: item.type,
          title: item.title,
          description: null,
          day: item.day,
          startsAt,
          endsAt: new Date(item.end),
          durationMinutes: item.durationMinutes,
          roomId: null,
          track: null,
          capacity: null,
          position,
          sortKey: sessionSortKey({ day: item.day, startsAt, position }),
        });
        const row = dto.items[index];
        if (row) row.sessionId = id;
        position += 1;
      }
      return { ...dto, applied: true };
    });
  }

  // ---- publishing ---------------------------------------------------------------------------

  /** Publishes the working agenda; `publishedBy` is the user, null for the demo loader. */
  async publish(
    eventId: string,
    input: PublishAgendaDto,
    publishedBy: string | null,
  ): Promise<AgendaVersionDto> {
    const { version, previous } = await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      const state = await this.load(eventId, manager);
      const { items, context } = toAgendaInput(state.event, state.sessions, state.plan);
      const hard = detectConflicts(items, context).filter(isHardConflict).map(toConflictDto);
      if (hard.length > 0 && !input.acknowledgeConflicts) {
        throw new AgendaError(
          'AGENDA_HARD_CONFLICTS',
          `The agenda has ${hard.length} hard conflict(s); resolve them, or publish with acknowledgeConflicts: true. ${hard
            .map((c) => c.message.en)
            .join('; ')}.`,
          'acknowledgeConflicts',
          { conflicts: hard },
        );
      }
      const previous = state.latest?.items ?? [];
      const next = withSequences(previous, toPublishedItems(state.sessions));
      if (state.latest && diffVersions(previous, next).length === 0) {
        throw new AgendaError(
          'AGENDA_UNCHANGED',
          `Nothing changed since version ${state.latest.number}; there is nothing new to publish.`,
        );
      }
      const inserted = await this.agenda.insertVersion(manager, {
        eventId,
        publishedAt: new Date(),
        publishedBy,
        note: input.note?.trim() || null,
        eventSnapshot: toRundownEvent(state.event),
        items: next,
        acknowledgedConflicts: hard,
      });
      return { version: inserted, previous };
    });
    return toVersionDto(version, previous);
  }

  async listVersions(eventId: string): Promise<AgendaVersionListDto> {
    const versions = await this.agenda.findAllVersions(eventId);
    if (versions.length === 0 && !(await this.events.exists(eventId))) {
      throw eventNotFound(eventId);
    }
    return {
      versions: versions.map((version, index) =>
        toVersionDto(version, versions[index + 1]?.items ?? []),
      ),
    };
  }

  /** Changes from version `from` (0: the empty agenda) to version `to`. */
  async diff(eventId: string, from: number, to: number): Promise<AgendaDiffDto> {
    const later = await this.requireVersion(eventId, to);
    const earlier = from === 0 ? [] : (await this.requireVersion(eventId, from)).items;
    const zone = later.eventSnapshot.timeZone;
    const changes = diffVersions(earlier, later.items).map((change): AgendaChangeDto => ({
      kind: change.kind,
      itemId: change.itemId,
      title: (change.kind === 'cancelled' ? change.before : change.after).title,
      fields: change.kind === 'moved' || change.kind === 'changed' ? change.fields : [],
      before: change.kind === 'added' ? null : toItemDto(change.before as PublishedItem, zone),
      after: change.kind === 'cancelled' ? null : toItemDto(change.after as PublishedItem, zone),
      personIds: change.concerns.personIds,
      organizationIds: change.concerns.organizationIds,
    }));
    return { from, to: later.number, changes };
  }

  // ---- rundowns -----------------------------------------------------------------------------

  /** A published version (the latest when `number` is undefined), or the person's part of it. */
  async publishedRundown(eventId: string, number?: number, personId?: string): Promise<Rundown> {
    const version = await this.requireVersion(eventId, number);
    const person = personId ? await this.personOf(personId) : null;
    return toRundown(version.eventSnapshot, version.items, {
      version: version.number,
      asOf: version.publishedAt.getTime(),
      person,
    });
  }

  /** The working agenda as it stands, with SEQUENCE counted against the latest version. */
  async draftRundown(eventId: string): Promise<Rundown> {
    const state = await this.load(eventId);
    const items = withSequences(state.latest?.items ?? [], toPublishedItems(state.sessions));
    const changed = state.sessions.reduce(
      (latest, session) => Math.max(latest, session.updatedAt.getTime()),
      state.event.updatedAt.getTime(),
    );
    return toRundown(toRundownEvent(state.event), items, {
      version: null,
      asOf: changed,
      person: null,
    });
  }

  // ---- reading ------------------------------------------------------------------------------

  private async load(eventId: string, manager?: EntityManager): Promise<GenerationState> {
    const event = await this.events.findRecord(eventId, manager);
    if (!event) throw eventNotFound(eventId);
    return {
      event,
      sessions: await this.sessions.findAllOfEvent(eventId, manager),
      plan: await this.agenda.findPlan(eventId, manager),
      latest: await this.agenda.findVersion(eventId, undefined, manager),
    };
  }

  private async requireVersion(eventId: string, number?: number): Promise<AgendaVersionEntity> {
    const version = await this.agenda.findVersion(eventId, number);
    if (version) return version;
    if (!(await this.events.exists(eventId))) throw eventNotFound(eventId);
    if (number === undefined) {
      throw new AgendaError(
        'AGENDA_NOT_PUBLISHED',
        'The agenda of this event has not been published yet.',
      );
    }
    throw new AgendaError(
      'AGENDA_VERSION_NOT_FOUND',
      `The agenda of this event has no version ${number}.`,
    );
  }

  private async personOf(personId: string): Promise<{ id: string; name: string }> {
    const person = await this.people.findById(personId);
    if (!person) {
      throw new AgendaError('PERSON_NOT_FOUND', `There is no person with the id ${personId}.`);
    }
    return { id: person.id, name: composeDisplayName(person) };
  }
}
