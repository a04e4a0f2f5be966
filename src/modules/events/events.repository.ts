import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { localDateOf } from '../../common/time/zoned-time';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/database-errors';
import { escapeLike } from '../../database/sql-text';
import { sessionSortKey } from '../sessions/domain/session-times';
import type { EventSettings } from './domain/event-settings';
import type { EventStatus } from './domain/event-status';
import { EventEntity } from './event.entity';
import { RoomEntity } from './room.entity';

/** A room as events show it. */
export interface RoomRecord {
  id: string;
  name: string;
  capacity: number | null;
}

/** An event with its organizer's summary and its rooms, as one query reads it. */
export interface EventRecord {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  organizerId: string | null;
  organizerName: string | null;
  organizerAcronym: string | null;
  venueName: string | null;
  venueAddress: string | null;
  venueCity: string | null;
  timeZone: string;
  startDate: string;
  endDate: string;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  settings: EventSettings;
  status: EventStatus;
  sortKey: string;
  rooms: RoomRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export interface EventFilter {
  status?: EventStatus;
  /** Folded words that must all appear in the event's search text. */
  words?: string[];
  /** Local dates: events with a day in [from, to]. */
  from?: string;
  to?: string;
  organizerId?: string;
}

export type NewEvent = Pick<
  EventEntity,
  | 'slug'
  | 'title'
  | 'description'
  | 'organizerId'
  | 'venueName'
  | 'venueAddress'
  | 'venueCity'
  | 'timeZone'
  | 'startDate'
  | 'endDate'
  | 'capacity'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
  | 'settings'
  | 'searchText'
  | 'sortKey'
>;

export type EventChanges = Partial<NewEvent>;

/** The outcome of writing an event: the unique slug and the organizer's foreign key may refuse. */
export type EventWrite =
  { kind: 'written'; id: string } | { kind: 'slug-taken' } | { kind: 'unknown-organizer' };

export type NewRoom = Pick<RoomEntity, 'name' | 'nameKey' | 'capacity'>;

/** Sessions that a change of the event's days would leave outside them. */
export interface SessionsOutside {
  /** Starting (or placed on a day) before the first day. */
  before: number;
  /** Ending (or placed on a day) after the last day. */
  after: number;
}

/**
 * The columns every event read returns: the organizer's summary by a join, the rooms aggregated
 * by a correlated subquery, so that a page of events is one query. Other modules that read an
 * event beside their own rows in one statement select from it (`… FROM (EVENT_SELECT WHERE …)`).
 */
export const EVENT_SELECT = `
  SELECT e.id, e.slug, e.title, e.description,
         e.organizer_id AS "organizerId", o.name AS "organizerName", o.acronym AS "organizerAcronym",
         e.venue_name AS "venueName", e.venue_address AS "venueAddress", e.venue_city AS "venueCity",
         e.time_zone AS "timeZone", to_char(e.start_date, 'YYYY-MM-DD') AS "startDate",
         to_char(e.end_date, 'YYYY-MM-DD') AS "endDate", e.capacity,
         e.registration_opens_at AS "registrationOpensAt",
         e.registration_closes_at AS "registrationClosesAt",
         e.settings, e.status, e.sort_key AS "sortKey",
         e.created_at AS "createdAt", e.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'capacity', r.capacity)
                                   ORDER BY r.name_key COLLATE "C", r.id)
                     FROM rooms r
                    WHERE r.event_id = e.id), '[]'::json) AS rooms
    FROM events e
    LEFT JOIN organizations o ON o.id = e.organizer_id`;

@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The event with its organizer and rooms; inside a transaction when `manager` is one. */
  async findRecord(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EventRecord | null> {
    const rows = await manager.query<EventRecord[]>(`${EVENT_SELECT} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** One page sorted by (sort_key, id), fetching one extra row to know whether more follow. */
  findPage(
    filter: EventFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<EventRecord[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const bind = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    if (filter.status !== undefined) conditions.push(`e.status = ${bind(filter.status)}`);
    for (const word of filter.words ?? []) {
      conditions.push(`e.search_text LIKE ${bind(`%${escapeLike(word)}%`)}`);
    }
    if (filter.from !== undefined) conditions.push(`e.end_date >= ${bind(filter.from)}::date`);
    if (filter.to !== undefined) conditions.push(`e.start_date <= ${bind(filter.to)}::date`);
    if (filter.organizerId !== undefined) {
      conditions.push(`e.organizer_id = ${bind(filter.organizerId)}::uuid`);
    }
    if (after !== undefined) {
      conditions.push(
        `(e.sort_key, e.id) > (${bind(after.key)} COLLATE "C", ${bind(after.id)}::uuid)`,
      );
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query<EventRecord[]>(
      `${EVENT_SELECT} ${where} ORDER BY e.sort_key, e.id LIMIT ${bind(limit + 1)}`,
      values,
    );
  }

  async exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(EventEntity).existsBy({ id });
  }

  /**
   * Locks the event's row until the transaction ends: whoever changes the event, its rooms or
   * its sessions takes this lock first, so that their checks see a state nobody else is changing.
   */
  findForUpdate(manager: EntityManager, id: string): Promise<EventEntity | null> {
    return manager
      .getRepository(EventEntity)
      .createQueryBuilder('event')
      .setLock('pessimistic_write')
      .where('event.id = :id', { id })
      .getOne();
  }

  /** Inserts an event and its rooms, or says which constraint refused it. */
  async insert(manager: EntityManager, event: NewEvent, rooms: NewRoom[]): Promise<EventWrite> {
    let id: string;
    try {
      id = (await manager.getRepository(EventEntity).save(manager.create(EventEntity, event))).id;
    } catch (error) {
      return refusal(error);
    }
    if (rooms.length > 0) {
      await manager
        .getRepository(RoomEntity)
        .insert(rooms.map((room) => ({ ...room, eventId: id })));
    }
    return { kind: 'written', id };
  }

  /** Applies changes to an event, or says which constraint refused them. */
  async update(manager: EntityManager, id: string, changes: EventChanges): Promise<EventWrite> {
    if (Object.keys(changes).length > 0) {
      try {
        await manager.getRepository(EventEntity).update({ id }, changes);
      } catch (error) {
        return refusal(error);
      }
    }
    return { kind: 'written', id };
  }

  /**
   * Moves the event to `to` if, at the moment the database applies it, its status is one of
   * `from`: concurrent requests cannot both win. False when no row matched.
   */
  async changeStatus(id: string, from: EventStatus[], to: EventStatus): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH changed AS (
         UPDATE events SET status = $2, updated_at = now()
          WHERE id = $1 AND status = ANY($3::event_status[])
         RETURNING id)
       SELECT id FROM changed`,
      [id, to, from],
    );
    return rows.length === 1;
  }

  /** The event's status, or null when there is no such event. */
  async findStatus(id: string): Promise<EventStatus | null> {
    const rows = await this.dataSource.query<{ status: EventStatus }[]>(
      'SELECT status FROM events WHERE id = $1',
      [id],
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Deletes the event with its rooms, sessions and their role holders. Sessions go first, so
   * that the rooms they use are free to follow.
   */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM sessions WHERE event_id = $1', [id]);
    await manager.query('DELETE FROM events WHERE id = $1', [id]);
  }

  /**
   * Counts the event's sessions that would fall outside [start, end) (instants bounding the new
   * local days) or, unscheduled but placed on a day, outside [startDate, endDate].
   */
  async countSessionsOutside(
    manager: EntityManager,
    eventId: string,
    days: { startDate: string; endDate: string; start: Date; end: Date },
  ): Promise<SessionsOutside> {
    const rows = await manager.query<SessionsOutside[]>(
      `SELECT count(*) FILTER (WHERE starts_at < $2 OR (starts_at IS NULL AND day < $4::date))::int AS before,
              count(*) FILTER (WHERE NOT (starts_at < $2 OR (starts_at IS NULL AND day < $4::date))
                                 AND (ends_at > $3 OR (starts_at IS NULL AND day > $5::date)))::int AS after
         FROM sessions
        WHERE event_id = $1`,
      [eventId, days.start, days.end, days.startDate, days.endDate],
    );
    return rows[0] ?? { before: 0, after: 0 };
  }

  /**
   * After the event's zone changed, each scheduled session keeps its instant but may fall on
   * another local day: its day and sort key follow.
   */
  async rederiveSessionDays(manager: EntityManager, eventId: string, zone: string): Promise<void> {
    const sessions = await manager.query<
      { id: string; day: string | null; startsAt: Date; position: number }[]
    >(
      `SELECT id, to_char(day, 'YYYY-MM-DD') AS day, starts_at AS "startsAt", position
         FROM sessions
        WHERE event_id = $1 AND starts_at IS NOT NULL`,
      [eventId],
    );
    const moved = sessions
      .map((session) => ({ ...session, newDay: localDateOf(session.startsAt, zone) }))
      .filter((session) => session.newDay !== session.day);
    if (moved.length === 0) return;
    await manager.query(
      `UPDATE sessions s
          SET day = v.day::date, sort_key = v.sort_key, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, day, sort_key)
        WHERE s.id = v.id`,
      [
        moved.map((session) => session.id),
        moved.map((session) => session.newDay),
        moved.map((session) =>
          sessionSortKey({
            day: session.newDay,
            startsAt: session.startsAt,
            position: session.position,
          }),
        ),
      ],
    );
  }
}

function refusal(error: unknown): EventWrite {
  if (isUniqueViolation(error, 'UQ_events_slug')) return { kind: 'slug-taken' };
  if (isForeignKeyViolation(error)) return { kind: 'unknown-organizer' };
  throw error;
}
