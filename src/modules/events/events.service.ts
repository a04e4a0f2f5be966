import { Injectable } from '@nestjs/common';
import { blankToNull } from '../../common/text/blank-to-null';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import { searchWords } from '../../common/text/search-text';
import {
  formatLongDate,
  localDaysBounds,
  parseZonedTimestamp,
  timeZoneLabelOn,
} from '../../common/time/zoned-time';
import type { FieldError } from '../../common/problem/domain-error';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import {
  eventDatesRefusal,
  eventSearchText,
  eventSortKey,
  firstRepeatedName,
  registrationWindowRefusal,
  roomNameKey,
  slugify,
} from './domain/event-rules';
import { DEFAULT_EVENT_SETTINGS, mergeEventSettings } from './domain/event-settings';
import { type EventStatus, statusesLeadingTo, transitionRefusal } from './domain/event-status';
import type { ChangeEventStatusDto } from './dto/change-event-status.dto';
import type { CreateEventDto } from './dto/create-event.dto';
import type { EventDto, EventPageDto } from './dto/event.dto';
import type { ListEventsQueryDto } from './dto/list-events-query.dto';
import type { UpdateEventDto } from './dto/update-event.dto';
import type { EventEntity } from './event.entity';
import { toEventDto } from './event.mapper';
import { EventWriteLock } from './event-write-lock';
import { eventNotFound, EventsError } from './events.errors';
import {
  type EventChanges,
  type EventRecord,
  type EventWrite,
  EventsRepository,
  type NewEvent,
} from './events.repository';

/** Only events nobody has registered for in earnest may disappear. */
const DELETABLE: readonly EventStatus[] = ['draft', 'cancelled'];

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly writeLock: EventWriteLock,
  ) {}

  async listEvents(query: ListEventsQueryDto): Promise<EventPageDto> {
    if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
      throw new EventsError(
        'INVALID_DATE_RANGE',
        `to ${query.to} is before from ${query.from}.`,
        'to',
      );
    }
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.events.findPage(
      {
        status: query.status,
        words: query.q !== undefined ? searchWords(query.q) : undefined,
        from: query.from,
        to: query.to,
        organizerId: query.organizerId,
      },
      after,
      query.limit,
    );
    return toKeyPage(rows, query.limit, (row) => row.sortKey, toEventDto);
  }

  async getEvent(id: string): Promise<EventDto> {
    const event = await this.events.findRecord(id);
    if (!event) throw eventNotFound(id);
    return toEventDto(event);
  }

  async createEvent(input: CreateEventDto): Promise<EventDto> {
    const slug = input.slug ?? slugify(input.title);
    if (slug === '') {
      throw new EventsError(
        'EVENT_SLUG_REQUIRED',
        'The title has no letters or digits to make a slug from; give a slug.',
        'slug',
      );
    }
    checkDates(input.startDate, input.endDate, 'endDate');
    const opensAt = instantOrNull(input.registrationOpensAt);
    const closesAt = instantOrNull(input.registrationClosesAt);
    checkWindow(opensAt, closesAt, 'registrationClosesAt');
    const rooms = input.rooms ?? [];
    const repeated = firstRepeatedName(rooms.map((room) => room.name));
    if (repeated !== undefined) {
      const name = rooms[repeated]?.name ?? '';
      throw new EventsError(
        'DUPLICATE_ROOM_NAME',
        `Two rooms are named "${name}"; room names must differ, ignoring case and accents.`,
        `rooms[${repeated}].name`,
      );
    }
    await this.requireOrganizer(input.organizerId ?? null);
    const venue = {
      venueName: input.venue?.name ?? null,
      venueAddress: input.venue?.address ?? null,
      venueCity: input.venue?.city ?? null,
    };
    const record = await this.dataSource.transaction(async (manager) => {
      const written = await this.events.insert(
        manager,
        {
          slug,
          title: input.title,
          description: blankToNull(input.description),
          organizerId: input.organizerId ?? null,
          ...venue,
          timeZone: input.timeZone,
          startDate: input.startDate,
          endDate: input.endDate,
          capacity: input.capacity ?? null,
          registrationOpensAt: opensAt,
          registrationClosesAt: closesAt,
          settings: mergeEventSettings(DEFAULT_EVENT_SETTINGS, input.settings ?? {}),
          searchText: eventSearchText({ title: input.title, slug, ...venue }),
          sortKey: eventSortKey(input.startDate, slug),
        },
        rooms.map((room) => ({
          name: room.name,
          nameKey: roomNameKey(room.name),
          capacity: room.capacity ?? null,
        })),
      );
      return this.readWritten(manager, written, slug, input.organizerId ?? null);
    });
    return toEventDto(record);
  }

  async updateEvent(id: string, input: UpdateEventDto): Promise<EventDto> {
    if (input.organizerId) await this.requireOrganizer(input.organizerId);
    const record = await this.dataSource.transaction(async (manager) => {
      const event = await this.writeLock.acquire(manager, id);
      const next = applyChanges(event, input);
      checkDates(
        next.startDate,
        next.endDate,
        input.endDate !== undefined ? 'endDate' : 'startDate',
      );
      checkWindow(
        next.registrationOpensAt,
        next.registrationClosesAt,
        input.registrationClosesAt !== undefined ? 'registrationClosesAt' : 'registrationOpensAt',
      );
      const zoneChanged = next.timeZone !== event.timeZone;
      if (zoneChanged || next.startDate !== event.startDate || next.endDate !== event.endDate) {
        await this.keepSessionsInside(manager, event, next);
      }
      if (zoneChanged) await this.events.rederiveSessionDays(manager, id, next.timeZone);
      const written = await this.events.update(manager, id, changedFields(event, next));
      return this.readWritten(manager, written, next.slug, next.organizerId);
    });
    return toEventDto(record);
  }

  async deleteEvent(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.events.findForUpdate(manager, id);
      if (!event) throw eventNotFound(id);
      if (!DELETABLE.includes(event.status)) {
        throw new EventsError(
          'EVENT_NOT_DELETABLE',
          `"${event.title}" is ${event.status}; only a draft or cancelled event can be deleted. Cancel it first.`,
        );
      }
      await this.events.delete(manager, id);
    });
  }

  /**
   * A conditional update settles the move: of two concurrent requests only one finds the event
   * in a status that leads to the target. The loser reads the status to explain the refusal.
   */
  async changeEventStatus(id: string, input: ChangeEventStatusDto): Promise<EventDto> {
    const to = input.status;
    if (!(await this.events.changeStatus(id, statusesLeadingTo(to), to))) {
      const from = await this.events.findStatus(id);
      if (from === null) throw eventNotFound(id);
      throw new EventsError(
        'EVENT_STATUS_TRANSITION',
        transitionRefusal(from, to) ??
          `The event's status changed while this request ran; it is now ${from}. Try again.`,
        'status',
      );
    }
    return this.getEvent(id);
  }

  private async requireOrganizer(organizerId: string | null): Promise<void> {
    if (organizerId === null) return;
    if (!(await this.organizations.existingIds([organizerId])).has(organizerId)) {
      throw unknownOrganizer(organizerId);
    }
  }

  /** Refuses new days or zone that would leave sessions outside the event's days. */
  private async keepSessionsInside(
    manager: EntityManager,
    event: EventEntity,
    next: EventState,
  ): Promise<void> {
    const bounds = localDaysBounds(next.startDate, next.endDate, next.timeZone);
    const outside = await this.events.countSessionsOutside(manager, event.id, {
      startDate: next.startDate,
      endDate: next.endDate,
      ...bounds,
    });
    const total = outside.before + outside.after;
    if (total === 0) return;
    const zoneChanged = next.timeZone !== event.timeZone;
    const first = formatLongDate(next.startDate);
    const last = formatLongDate(next.endDate);
    const errors: FieldError[] = [];
    if (outside.before > 0) {
      errors.push({
        field: next.startDate !== event.startDate || !zoneChanged ? 'startDate' : 'timeZone',
        message: `${sessions(outside.before)} would start before ${first}.`,
      });
    }
    if (outside.after > 0) {
      errors.push({
        field: next.endDate !== event.endDate || !zoneChanged ? 'endDate' : 'timeZone',
        message: `${sessions(outside.after)} would end after ${last}.`,
      });
    }
    throw new EventsError(
      'EVENT_SESSIONS_OUTSIDE_DATES',
      `${sessions(total)} would fall outside the event's days, ${first} to ${last} ` +
        `(${timeZoneLabelOn(next.timeZone, next.startDate)}): move or unschedule ${total === 1 ? 'it' : 'them'} first.`,
      errors,
    );
  }

  /** The event just written, read back in the same transaction; or the refusal, explained. */
  private async readWritten(
    manager: EntityManager,
    written: EventWrite,
    slug: string,
    organizerId: string | null,
  ): Promise<EventRecord> {
    switch (written.kind) {
      case 'slug-taken':
        throw new EventsError(
          'EVENT_SLUG_TAKEN',
          `Another event already uses the slug ${slug}; give another slug.`,
          'slug',
        );
      case 'unknown-organizer':
        throw unknownOrganizer(organizerId ?? '');
      case 'written': {
        const record = await this.events.findRecord(written.id, manager);
        if (!record) throw new Error(`Event ${written.id} vanished inside its own transaction`);
        return record;
      }
    }
  }
}

/** The fields of an event that a change may touch, after the change. */
type EventState = Omit<NewEvent, 'searchText' | 'sortKey'>;

function applyChanges(event: EventEntity, input: UpdateEventDto): EventState {
  const keep = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  return {
    slug: keep(input.slug, event.slug),
    title: keep(input.title, event.title),
    description:
      input.description === undefined ? event.description : blankToNull(input.description),
    organizerId: keep(input.organizerId, event.organizerId),
    venueName: input.venue === undefined ? event.venueName : (input.venue?.name ?? null),
    venueAddress: input.venue === undefined ? event.venueAddress : (input.venue?.address ?? null),
    venueCity: input.venue === undefined ? event.venueCity : (input.venue?.city ?? null),
    timeZone: keep(input.timeZone, event.timeZone),
    startDate: keep(input.startDate, event.startDate),
    endDate: keep(input.endDate, event.endDate),
    capacity: keep(input.capacity, event.capacity),
    registrationOpensAt:
      input.registrationOpensAt === undefined
        ? event.registrationOpensAt
        : instantOrNull(input.registrationOpensAt),
    registrationClosesAt:
      input.registrationClosesAt === undefined
        ? event.registrationClosesAt
        : instantOrNull(input.registrationClosesAt),
    settings:
      input.settings === undefined
        ? event.settings
        : mergeEventSettings(event.settings, input.settings),
  };
}

/** The columns to write: what differs, plus the derived search text and sort key. */
function changedFields(event: EventEntity, next: EventState): EventChanges {
  const changes: EventChanges = {};
  for (const key of Object.keys(next) as (keyof EventState)[]) {
    if (!sameValue(event[key], next[key])) Object.assign(changes, { [key]: next[key] });
  }
  if (Object.keys(changes).length === 0) return changes;
  return {
    ...changes,
    searchText: eventSearchText(next),
    sortKey: eventSortKey(next.startDate, next.slug),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function checkDates(startDate: string, endDate: string, field: 'startDate' | 'endDate'): void {
  const refusal = eventDatesRefusal(startDate, endDate);
  if (refusal !== undefined) throw new EventsError('INVALID_EVENT_DATES', refusal, field);
}

function checkWindow(
  opensAt: Date | null,
  closesAt: Date | null,
  field: 'registrationOpensAt' | 'registrationClosesAt',
): void {
  const refusal = registrationWindowRefusal(opensAt, closesAt);
  if (refusal !== undefined) throw new EventsError('INVALID_REGISTRATION_WINDOW', refusal, field);
}

/** A timestamp the DTO has already checked to carry an offset; null stays null. */
function instantOrNull(text: string | null | undefined): Date | null {
  if (text === null || text === undefined) return null;
  const instant = parseZonedTimestamp(text, 'UTC');
  if (!instant) throw new Error(`Unchecked timestamp ${text}`);
  return instant;
}

function unknownOrganizer(id: string): EventsError {
  return new EventsError('UNKNOWN_ORGANIZER', `No organization has the id ${id}.`, 'organizerId');
}

function sessions(count: number): string {
  return count === 1 ? '1 session' : `${count} sessions`;
}
