import { Injectable } from '@nestjs/common';
import { statementParameters } from '../../database/sql-text';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { isForeignKeyViolation } from '../../database/database-errors';
import type { SessionRole, SessionType } from './domain/session-kinds';
import type { RoleHolderInput } from './domain/session-roles';
import { SessionRoleHolderEntity } from './session-role-holder.entity';
import { SessionEntity } from './session.entity';

/** A role holder with the person's name parts or the organization's name, as one row reads it. */
export interface RoleHolderRecord {
  role: SessionRole;
  personId: string | null;
  titlesBefore: string | null;
  name: string | null;
  titlesAfter: string | null;
  position: string | null;
  organizationId: string | null;
  organizationName: string | null;
  organizationAcronym: string | null;
}

/** An agenda item with its room, role holders and the event's zone, as one query reads it. */
export interface SessionRecord {
  id: string;
  eventId: string;
  timeZone: string;
  type: SessionType;
  title: string;
  description: string | null;
  day: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  durationMinutes: number;
  roomId: string | null;
  roomName: string | null;
  roomCapacity: number | null;
  track: string | null;
  capacity: number | null;
  position: number;
  sortKey: string;
  roles: RoleHolderRecord[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionFilter {
  eventId: string;
  /** One item, for reading it back. */
  id?: string;
  day?: string;
  roomId?: string;
  track?: string;
  type?: SessionType;
  /** Items in which this person holds any role. */
  personId?: string;
  /** Items in which this organization itself holds any role. */
  organizationId?: string;
  /** true: items with times; false: items without. */
  scheduled?: boolean;
}

export type NewSession = Pick<
  SessionEntity,
  | 'eventId'
  | 'type'
  | 'title'
  | 'description'
  | 'day'
  | 'startsAt'
  | 'endsAt'
  | 'durationMinutes'
  | 'roomId'
  | 'track'
  | 'capacity'
  | 'position'
  | 'sortKey'
>;

/** New times for an item, with the sort key they give it. */
export interface SessionPlacement {
  id: string;
  day: string;
  startsAt: Date;
  endsAt: Date;
  sortKey: string;
}

export type SessionChanges = Partial<Omit<NewSession, 'eventId' | 'position'>>;

/**
 * One page of an event's agenda in a single statement: the room by a join, the role holders by a
 * correlated subquery that aggregates them as JSON in their order, so that the page costs one
 * query however many items and holders it has. Fetches `limit + 1` rows so that the caller knows
 * whether more follow. Exported so that the benchmark runs exactly this SQL.
 */
export function buildSessionPageQuery(
  filter: SessionFilter,
  after: KeyCursor | undefined,
  limit: number,
): { text: string; values: unknown[] } {
  const { values, bind } = statementParameters();
  const conditions = [`s.event_id = ${bind(filter.eventId)}::uuid`];
  if (filter.id !== undefined) conditions.push(`s.id = ${bind(filter.id)}::uuid`);
  if (filter.day !== undefined) conditions.push(`s.day = ${bind(filter.day)}::date`);
  if (filter.roomId !== undefined) conditions.push(`s.room_id = ${bind(filter.roomId)}::uuid`);
  if (filter.track !== undefined) conditions.push(`s.track = ${bind(filter.track)}`);
  if (filter.type !== undefined) conditions.push(`s.type = ${bind(filter.type)}::session_type`);
  if (filter.personId !== undefined) {
    conditions.push(
      `EXISTS (SELECT 1 FROM session_role_holders f
                WHERE f.session_id = s.id AND f.person_id = ${bind(filter.personId)}::uuid)`,
    );
  }
  if (filter.organizationId !== undefined) {
    conditions.push(
      `EXISTS (SELECT 1 FROM session_role_holders f
                WHERE f.session_id = s.id AND f.organization_id = ${bind(filter.organizationId)}::uuid)`,
    );
  }
  if (filter.scheduled !== undefined) {
    conditions.push(filter.scheduled ? 's.starts_at IS NOT NULL' : 's.starts_at IS NULL');
  }
  if (after !== undefined) {
    conditions.push(
      `(s.sort_key, s.id) > (${bind(after.key)} COLLATE "C", ${bind(after.id)}::uuid)`,
    );
  }
  // The page is cut first; its role holders are then gathered in one join and one aggregate
  // for the whole page, not one subquery per row.
  const text = `
    WITH page AS (
      SELECT s.*
        FROM sessions s
       WHERE ${conditions.join('\n         AND ')}
       ORDER BY s.sort_key, s.id
       LIMIT ${bind(limit + 1)}
    ), holders AS (
      SELECT h.session_id,
             json_agg(json_build_object(
               'role', h.role,
               'personId', p.id, 'titlesBefore', p.titles_before, 'name', p.name,
               'titlesAfter', p.titles_after, 'position', p.position,
               'organizationId', o.id, 'organizationName', o.name,
               'organizationAcronym', o.acronym)
             ORDER BY h.position, h.id) AS roles
        FROM page
        JOIN session_role_holders h ON h.session_id = page.id
        LEFT JOIN people p ON p.id = h.person_id
        LEFT JOIN organizations o ON o.id = h.organization_id
       GROUP BY h.session_id
    )
    SELECT s.id, s.event_id AS "eventId", e.time_zone AS "timeZone", s.type, s.title, s.description,
           to_char(s.day, 'YYYY-MM-DD') AS day, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
           s.duration_minutes AS "durationMinutes",
           r.id AS "roomId", r.name AS "roomName", r.capacity AS "roomCapacity",
           s.track, s.capacity, s.position, s.sort_key AS "sortKey",
           s.created_at AS "createdAt", s.updated_at AS "updatedAt",
           COALESCE(holders.roles, '[]'::json) AS roles
      FROM page s
      JOIN events e ON e.id = s.event_id
      LEFT JOIN rooms r ON r.id = s.room_id
      LEFT JOIN holders ON holders.session_id = s.id
     ORDER BY s.sort_key, s.id`;
  return { text, values };
}

/** More agenda items than any event holds; a bound so that one read stays bounded. */
const MAX_ITEMS_PER_EVENT = 20_000;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page sorted by (sort_key, id); limit + 1 rows. */
  findPage(
    filter: SessionFilter,
    after: KeyCursor | undefined,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionRecord[]> {
    const { text, values } = buildSessionPageQuery(filter, after, limit);
    return manager.query<SessionRecord[]>(text, values);
  }

  /** Every item of the event in rundown order, read as the list reads them. */
  findAllOfEvent(
    eventId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionRecord[]> {
    return this.findPage({ eventId }, undefined, MAX_ITEMS_PER_EVENT, manager);
  }

  /** One item of the event, read as the list reads it. */
  async findRecord(
    eventId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionRecord | null> {
    return (await this.findPage({ eventId, id }, undefined, 1, manager))[0] ?? null;
  }

  /** The item if it belongs to the event; an item of another event is not found. */
  findOfEvent(manager: EntityManager, eventId: string, id: string): Promise<SessionEntity | null> {
    return manager.getRepository(SessionEntity).findOneBy({ id, eventId });
  }

  /** The program position after the event's last item; the caller holds the event's lock. */
  async nextPosition(manager: EntityManager, eventId: string): Promise<number> {
    const rows = await manager.query<{ next: number }[]>(
      'SELECT COALESCE(max(position), 0)::int + 1 AS next FROM sessions WHERE event_id = $1',
      [eventId],
    );
    return rows[0]?.next ?? 1;
  }

  async insert(manager: EntityManager, session: NewSession): Promise<string> {
    const saved = await manager
      .getRepository(SessionEntity)
      .save(manager.create(SessionEntity, session));
    return saved.id;
  }

  async update(manager: EntityManager, id: string, changes: SessionChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await manager.getRepository(SessionEntity).update({ id }, changes);
  }

  /** Marks the item as changed when only its role holders did. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE sessions SET updated_at = now() WHERE id = $1', [id]);
  }

  /**
   * Replaces the item's role holders with these, in this order. False when a person or an
   * organization vanished since it was checked (a foreign key refused it).
   */
  async replaceRoleHolders(
    manager: EntityManager,
    sessionId: string,
    holders: readonly RoleHolderInput[],
  ): Promise<boolean> {
    await manager.getRepository(SessionRoleHolderEntity).delete({ sessionId });
    if (holders.length === 0) return true;
    try {
      await manager.getRepository(SessionRoleHolderEntity).insert(
        holders.map((holder, index) => ({
          sessionId,
          role: holder.role,
          personId: holder.personId ?? null,
          organizationId: holder.organizationId ?? null,
          position: index + 1,
        })),
      );
      return true;
    } catch (error) {
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Gives many items of the event their times in one statement; ids of other events are left
   * alone. The caller holds the event's lock and has checked the times.
   */
  async placeAll(
    manager: EntityManager,
    eventId: string,
    placements: readonly SessionPlacement[],
  ): Promise<void> {
    if (placements.length === 0) return;
    await manager.query(
      `UPDATE sessions s
          SET day = v.day, starts_at = v.starts_at, ends_at = v.ends_at, sort_key = v.sort_key,
              updated_at = now()
         FROM unnest($2::uuid[], $3::date[], $4::timestamptz[], $5::timestamptz[], $6::text[])
              AS v(id, day, starts_at, ends_at, sort_key)
        WHERE s.id = v.id AND s.event_id = $1`,
      [
        eventId,
        placements.map((p) => p.id),
        placements.map((p) => p.day),
        placements.map((p) => p.startsAt.toISOString()),
        placements.map((p) => p.endsAt.toISOString()),
        placements.map((p) => p.sortKey),
      ],
    );
  }

  /** Deletes these items of the event (role holders go with them). */
  async deleteAll(manager: EntityManager, eventId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('DELETE FROM sessions WHERE event_id = $1 AND id = ANY($2::uuid[])', [
      eventId,
      ids,
    ]);
  }

  /** Deletes the item (its role holders go with it); false when the event has no such item. */
  async delete(manager: EntityManager, eventId: string, id: string): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH deleted AS (DELETE FROM sessions WHERE id = $1 AND event_id = $2 RETURNING id)
       SELECT id FROM deleted`,
      [id, eventId],
    );
    return rows.length === 1;
  }
}
