import { Injectable } from '@nestjs/common';
import { blankToNull } from '../../common/text/blank-to-null';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import type { EventEntity } from '../events/event.entity';
import { EventWriteLock } from '../events/event-write-lock';
import { eventNotFound } from '../events/events.errors';
import { EventsRepository } from '../events/events.repository';
import { RoomsRepository } from '../events/rooms.repository';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { PeopleRepository } from '../people/people.repository';
import {
  type RoleHolderInput,
  roleHoldersProblem,
  unknownHolderProblem,
} from './domain/session-roles';
import {
  resolveSessionTimes,
  type SessionTimes,
  type SessionTimesChange,
  sessionSortKey,
} from './domain/session-times';
import type { CreateSessionDto } from './dto/create-session.dto';
import type { ListSessionsQueryDto } from './dto/list-sessions-query.dto';
import type { SessionDto, SessionPageDto } from './dto/session.dto';
import type { UpdateSessionDto } from './dto/update-session.dto';
import { toSessionDto } from './session.mapper';
import type { SessionEntity } from './session.entity';
import { sessionNotFound, SessionsError } from './sessions.errors';
import { type SessionChanges, type SessionRecord, SessionsRepository } from './sessions.repository';

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly events: EventsRepository,
    private readonly rooms: RoomsRepository,
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly writeLock: EventWriteLock,
  ) {}

  /** One query for the page; a second only when it is empty, to tell a missing event apart. */
  async listSessions(eventId: string, query: ListSessionsQueryDto): Promise<SessionPageDto> {
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.sessions.findPage(
      {
        eventId,
        day: query.day,
        roomId: query.roomId,
        track: query.track,
        type: query.type,
        personId: query.personId,
        organizationId: query.organizationId,
        scheduled: query.scheduled,
      },
      after,
      query.limit,
    );
    if (rows.length === 0 && !(await this.events.exists(eventId))) throw eventNotFound(eventId);
    return toKeyPage(rows, query.limit, (row) => row.sortKey, toSessionDto);
  }

  async getSession(eventId: string, sessionId: string): Promise<SessionDto> {
    const session = await this.sessions.findRecord(eventId, sessionId);
    if (session) return toSessionDto(session);
    if (!(await this.events.exists(eventId))) throw eventNotFound(eventId);
    throw sessionNotFound(eventId, sessionId);
  }

  async createSession(eventId: string, input: CreateSessionDto): Promise<SessionDto> {
    const roles = input.roles ?? [];
    await this.checkRoleHolders(roles);
    const record = await this.dataSource.transaction(async (manager) => {
      const event = await this.writeLock.acquire(manager, eventId);
      const times = timesOrThrow(event, {
        day: input.day,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        durationMinutes: input.durationMinutes,
      });
      await this.requireRoom(manager, eventId, input.roomId ?? null);
      const position = await this.sessions.nextPosition(manager, eventId);
      const id = await this.sessions.insert(manager, {
        eventId,
        type: input.type,
        title: input.title,
        description: blankToNull(input.description),
        ...times,
        roomId: input.roomId ?? null,
        track: input.track ?? null,
        capacity: input.capacity ?? null,
        position,
        sortKey: sessionSortKey({ ...times, position }),
      });
      await this.replaceRoleHolders(manager, id, roles);
      return this.readBack(manager, eventId, id);
    });
    return toSessionDto(record);
  }

  async updateSession(
    eventId: string,
    sessionId: string,
    input: UpdateSessionDto,
  ): Promise<SessionDto> {
    if (input.roles !== undefined) await this.checkRoleHolders(input.roles);
    const record = await this.dataSource.transaction(async (manager) => {
      const event = await this.writeLock.acquire(manager, eventId);
      const current = await this.sessions.findOfEvent(manager, eventId, sessionId);
      if (!current) throw sessionNotFound(eventId, sessionId);
      const times = timesOrThrow(
        event,
        {
          day: input.day,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          durationMinutes: input.durationMinutes,
        },
        current,
      );
      if (input.roomId !== undefined && input.roomId !== current.roomId) {
        await this.requireRoom(manager, eventId, input.roomId);
      }
      const changes: SessionChanges = {
        ...times,
        sortKey: sessionSortKey({ ...times, position: current.position }),
      };
      if (input.type !== undefined) changes.type = input.type;
      if (input.title !== undefined) changes.title = input.title;
      if (input.description !== undefined) changes.description = blankToNull(input.description);
      if (input.roomId !== undefined) changes.roomId = input.roomId;
      if (input.track !== undefined) changes.track = input.track;
      if (input.capacity !== undefined) changes.capacity = input.capacity;
      const changed = unchangedRemoved(current, changes);
      await this.sessions.update(manager, sessionId, changed);
      if (input.roles !== undefined) {
        await this.replaceRoleHolders(manager, sessionId, input.roles);
        if (Object.keys(changed).length === 0) await this.sessions.touch(manager, sessionId);
      }
      return this.readBack(manager, eventId, sessionId);
    });
    return toSessionDto(record);
  }

  async deleteSession(eventId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      if (!(await this.sessions.delete(manager, eventId, sessionId))) {
        throw sessionNotFound(eventId, sessionId);
      }
    });
  }

  /**
   * Each holder is a person or an organization, nobody holds a role twice, and every id names
   * someone: one query for the people, one for the organizations. Runs before the transaction,
   * which would otherwise hold the embedded database's only connection; a holder deleted in
   * between is caught by the foreign key.
   */
  private async checkRoleHolders(roles: readonly RoleHolderInput[]): Promise<void> {
    const problem = roleHoldersProblem(roles);
    if (problem) throw new SessionsError(problem.code, problem.message, problem.field);
    const personIds = roles.flatMap((holder) => (holder.personId ? [holder.personId] : []));
    const organizationIds = roles.flatMap((holder) =>
      holder.organizationId ? [holder.organizationId] : [],
    );
    const [people, organizations] = [
      await this.people.existingIds(personIds),
      await this.organizations.existingIds(organizationIds),
    ];
    const unknown = unknownHolderProblem(roles, people, organizations);
    if (unknown) throw new SessionsError(unknown.code, unknown.message, unknown.field);
  }

  private async replaceRoleHolders(
    manager: EntityManager,
    sessionId: string,
    roles: readonly RoleHolderInput[],
  ): Promise<void> {
    if (!(await this.sessions.replaceRoleHolders(manager, sessionId, roles))) {
      throw new SessionsError(
        'UNKNOWN_ROLE_HOLDER',
        'A person or organization named in roles was deleted meanwhile; check the list and try again.',
        'roles',
      );
    }
  }

  private async requireRoom(
    manager: EntityManager,
    eventId: string,
    roomId: string | null,
  ): Promise<void> {
    if (roomId === null) return;
    if (!(await this.rooms.findOfEvent(eventId, roomId, manager))) {
      throw new SessionsError(
        'UNKNOWN_ROOM',
        `The event has no room with the id ${roomId}.`,
        'roomId',
      );
    }
  }

  private async readBack(
    manager: EntityManager,
    eventId: string,
    id: string,
  ): Promise<SessionRecord> {
    const record = await this.sessions.findRecord(eventId, id, manager);
    if (!record) throw new Error(`Session ${id} vanished inside its own transaction`);
    return record;
  }
}

function timesOrThrow(
  event: EventEntity,
  change: SessionTimesChange,
  current?: SessionEntity,
): SessionTimes {
  const result = resolveSessionTimes(event, change, current);
  if (!result.ok) {
    throw new SessionsError(result.problem.code, result.problem.message, result.problem.field);
  }
  return result.times;
}

/** Drops changes that would write what the row already holds. */
function unchangedRemoved(current: SessionEntity, changes: SessionChanges): SessionChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => {
      const before: unknown = current[key as keyof SessionChanges];
      if (before instanceof Date && value instanceof Date) {
        return before.getTime() !== value.getTime();
      }
      return before !== value;
    }),
  );
}
