import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { EVENT_SELECT, type EventRecord } from '../events/events.repository';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';

/** A delegation as lists and pages show it: with its organization's name and kind. */
export type InvitationRecord = InvitationEntity & {
  organization: Pick<
    NonNullable<InvitationEntity['organization']>,
    'id' | 'name' | 'acronym' | 'kind' | 'reportingGroup' | 'regionCode'
  >;
};

/** What registering needs of the delegation whose token a delegate gives. */
export type TokenInvitation = Pick<
  InvitationEntity,
  'id' | 'eventId' | 'organizationId' | 'status'
> & { organization: Pick<OrganizationEntity, 'id' | 'name'> };

export type NewInvitation = Pick<
  InvitationEntity,
  | 'eventId'
  | 'organizationId'
  | 'seatQuota'
  | 'focalName'
  | 'focalEmail'
  | 'focalPhone'
  | 'tokenHash'
  | 'sortKey'
>;

export type InvitationChanges = Partial<
  Pick<InvitationEntity, 'seatQuota' | 'focalName' | 'focalEmail' | 'focalPhone'>
>;

export interface InvitationFilter {
  eventId: string;
  status?: InvitationStatus;
}

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the delegations not yet invited (one per organization per event); their ids. */
  async insertMissing(
    manager: EntityManager,
    invitations: readonly NewInvitation[],
  ): Promise<Map<string, string>> {
    if (invitations.length === 0) return new Map();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(InvitationEntity)
      .values([...invitations])
      .orIgnore()
      .returning(['id', 'organizationId'])
      .execute();
    const rows = result.raw as { id: string; organization_id: string }[];
    return new Map(rows.map((row) => [row.organization_id, row.id]));
  }

  findRecord(
    eventId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvitationRecord | null> {
    return manager.getRepository(InvitationEntity).findOne({
      where: { id, eventId },
      relations: { organization: true },
    }) as Promise<InvitationRecord | null>;
  }

  /** These delegations of the event, in list order. */
  findRecords(eventId: string, ids: readonly string[]): Promise<InvitationRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(InvitationEntity).find({
      where: { eventId, id: In([...ids]) },
      relations: { organization: true },
      order: { sortKey: 'ASC', id: 'ASC' },
    }) as Promise<InvitationRecord[]>;
  }

  /**
   * The delegation holding this token, in one plain statement: a focal point's every request
   * reads it, and TypeORM's query builder cost more CPU building the query than PostgreSQL spent
   * running it.
   */
  async findByTokenHash(
    tokenHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvitationRecord | null> {
    const rows = await manager.query<InvitationRecord[]>(
      `SELECT i.id, i.event_id AS "eventId", i.organization_id AS "organizationId",
              i.seat_quota AS "seatQuota", i.seats_taken AS "seatsTaken",
              i.focal_name AS "focalName", i.focal_email AS "focalEmail",
              i.focal_phone AS "focalPhone", i.token_hash AS "tokenHash", i.status,
              i.sort_key AS "sortKey", i.created_at AS "createdAt", i.updated_at AS "updatedAt",
              json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym, 'kind', o.kind,
                                'reportingGroup', o.reporting_group,
                                'regionCode', o.region_code) AS organization
         FROM invitations i
         JOIN organizations o ON o.id = i.organization_id
        WHERE i.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /**
   * The event, and the delegation holding this token (of whichever event: the caller checks),
   * in one round trip: a registration needs both before anything else, on every request.
   */
  async findEventAndTokenInvitation(
    eventId: string,
    tokenHash: string | null,
  ): Promise<{ event: EventRecord; invitation: TokenInvitation | null } | null> {
    const rows = await this.dataSource.query<(EventRecord & { invitation: TokenInvitation })[]>(
      `SELECT event.*,
              (SELECT json_build_object('id', i.id, 'eventId', i.event_id,
                                        'organizationId', i.organization_id, 'status', i.status,
                                        'organization', json_build_object('id', o.id, 'name', o.name))
                 FROM invitations i
                 JOIN organizations o ON o.id = i.organization_id
                WHERE i.token_hash = $2) AS invitation
         FROM (${EVENT_SELECT} WHERE e.id = $1) event`,
      [eventId, tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const { invitation, ...event } = row;
    return { event, invitation };
  }

  /** Organizations already invited to the event, among these. */
  async invitedAmong(eventId: string, organizationIds: readonly string[]): Promise<Set<string>> {
    if (organizationIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ organization_id: string }[]>(
      'SELECT organization_id FROM invitations WHERE event_id = $1 AND organization_id = ANY($2::uuid[])',
      [eventId, organizationIds],
    );
    return new Set(rows.map((row) => row.organization_id));
  }

  /** One page sorted by (sort_key, id); limit + 1 rows. */
  findPage(
    filter: InvitationFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<InvitationRecord[]> {
    const query = this.dataSource
      .getRepository(InvitationEntity)
      .createQueryBuilder('invitation')
      .innerJoinAndSelect('invitation.organization', 'organization')
      .where('invitation.eventId = :eventId', { eventId: filter.eventId })
      .orderBy('invitation.sortKey', 'ASC')
      .addOrderBy('invitation.id', 'ASC')
      .limit(limit + 1);
    if (filter.status !== undefined) {
      query.andWhere('invitation.status = :status', { status: filter.status });
    }
    if (after) {
      query.andWhere('(invitation.sortKey, invitation.id) > (:key, :id)', {
        key: after.key,
        id: after.id,
      });
    }
    return query.getMany() as Promise<InvitationRecord[]>;
  }

  /** Locks the delegation's row for the rest of the transaction; null when not the event's. */
  async lock(
    manager: EntityManager,
    eventId: string,
    id: string,
  ): Promise<InvitationEntity | null> {
    return manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('invitation')
      .setLock('pessimistic_write')
      .where('invitation.id = :id AND invitation.eventId = :eventId', { id, eventId })
      .getOne();
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: InvitationChanges & { status?: InvitationStatus; tokenHash?: string },
  ): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await manager.getRepository(InvitationEntity).update({ id }, changes);
  }
}
