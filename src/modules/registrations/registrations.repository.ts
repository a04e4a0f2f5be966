import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { searchWords } from '../../common/text/search-text';
import { escapeLike } from '../../database/sql-text';
import { RegistrationEntity, type RegistrationStatus } from './registration.entity';
import type { SeatOutcome } from './seats.repository';

/** A registration's own columns, as written. */
export type NewRegistration = Omit<
  RegistrationEntity,
  'id' | 'event' | 'invitation' | 'organization' | 'queuePosition' | 'createdAt' | 'updatedAt'
> & { queuePosition?: string };

/** The contact details a delegate may change with their code. */
export type ContactChanges = Partial<
  Pick<
    RegistrationEntity,
    'email' | 'phone' | 'phoneMasked' | 'position' | 'workUnit' | 'searchText'
  >
>;

export interface RegistrationFilter {
  eventId: string;
  status?: RegistrationStatus;
  invitationId?: string;
  organizationId?: string;
  /** Folded words that must all appear in the registration's search text. */
  search?: string;
}

/**
 * The 26 parameters both inserts bind, in column order; the 7th is the queue position for a
 * plain insert and whether to waitlist for one that takes a seat.
 */
function registrationValues(row: NewRegistration, seventh: unknown): unknown[] {
  return [
    row.eventId,
    row.invitationId,
    row.organizationId,
    row.code,
    row.codeHash,
    row.status,
    seventh,
    row.titlesBefore,
    row.name,
    row.titlesAfter,
    row.employmentType,
    row.nip,
    row.rankGrade,
    row.position,
    row.workUnit,
    row.email,
    row.phone,
    row.nikEncrypted,
    row.consentDataProcessing,
    row.consentPhotos,
    row.consentedAt,
    row.statusReason,
    row.searchText,
    row.sortKey,
    row.displayName,
    row.phoneMasked,
  ];
}

/** What the database chooses for a new registration, as its INSERT returns it. */
type InsertedRow = Pick<
  RegistrationEntity,
  'id' | 'status' | 'queuePosition' | 'createdAt' | 'updatedAt'
>;
/** InsertedRow, or nulls when nothing was inserted. */
type InsertedColumns = InsertedRow | { [K in keyof InsertedRow]: null };

/** Statuses that hold a seat. */
export const SEATED: readonly RegistrationStatus[] = ['pending', 'confirmed'];
/** Statuses that still count: one per person per event. */
export const LIVE: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the registration's seats and inserts it, in one statement (the event's seat row stays
   * locked from here to COMMIT, so the less round trips the better): `row.status` when a seat was
   * taken, `waitlisted` when full and `waitlist` allows, nothing inserted otherwise. Returns what
   * taking the seat came to, and the registration as stored unless refused.
   */
  async insertTakingSeat(
    manager: EntityManager,
    row: NewRegistration,
    waitlist: boolean,
  ): Promise<{ outcome: SeatOutcome; registration: RegistrationEntity | null }> {
    const rows = await manager.query<(InsertedColumns & { outcome: SeatOutcome })[]>(
      `WITH seat AS MATERIALIZED (SELECT take_registration_seat($1, $2) AS outcome),
       inserted AS (
         INSERT INTO registrations (
           event_id, invitation_id, organization_id, code, code_hash, status, queue_position,
           titles_before, name, titles_after, employment_type, nip, rank_grade, position, work_unit,
           email, phone, nik_encrypted, consent_data_processing, consent_photos, consented_at,
           status_reason, search_text, sort_key, display_name, phone_masked)
         SELECT $1, $2, $3, $4, $5,
                CASE WHEN seat.outcome = 'taken' THEN $6::registration_status ELSE 'waitlisted' END,
                nextval('registrations_queue_position_seq'),
                $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
                $25, $26
           FROM seat WHERE seat.outcome = 'taken' OR $7::boolean
         RETURNING id, status, queue_position, created_at, updated_at
       )
       SELECT seat.outcome, inserted.id, inserted.status, inserted.queue_position AS "queuePosition",
              inserted.created_at AS "createdAt", inserted.updated_at AS "updatedAt"
         FROM seat LEFT JOIN inserted ON true`,
      registrationValues(row, waitlist),
    );
    const result = rows[0];
    if (!result) throw new Error('insertTakingSeat gave no row');
    const { outcome, ...inserted } = result;
    // The row as stored, from what was sent and what the database chose: no read-back.
    return {
      outcome,
      registration: inserted.id === null ? null : { ...row, ...inserted },
    };
  }

  /** Inserts a registration in one statement (a substitute taking over a seat); its id. */
  async insert(manager: EntityManager, row: NewRegistration): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO registrations (
         event_id, invitation_id, organization_id, code, code_hash, status, queue_position,
         titles_before, name, titles_after, employment_type, nip, rank_grade, position, work_unit,
         email, phone, nik_encrypted, consent_data_processing, consent_photos, consented_at,
         status_reason, search_text, sort_key, display_name, phone_masked)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::bigint, nextval('registrations_queue_position_seq')),
         $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
         $25, $26)
       RETURNING id`,
      registrationValues(row, row.queuePosition ?? null),
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('INSERT … RETURNING gave no row');
    return id;
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationEntity | null> {
    return this.findOne(manager, 'registration.id = :id', { id });
  }

  findOfEvent(
    eventId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationEntity | null> {
    return this.findOne(manager, 'registration.id = :id AND registration.eventId = :eventId', {
      id,
      eventId,
    });
  }

  findByCodeHash(
    codeHash: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationEntity | null> {
    return this.findOne(manager, 'registration.codeHash = :codeHash', { codeHash });
  }

  /**
   * One registration with its organization in one query (`findOne` with a relation sends two:
   * a DISTINCT of the id, then the row), since registering reads it back on every request.
   */
  private findOne(
    manager: EntityManager,
    where: string,
    parameters: Record<string, string>,
  ): Promise<RegistrationEntity | null> {
    return manager
      .getRepository(RegistrationEntity)
      .createQueryBuilder('registration')
      .leftJoinAndSelect('registration.organization', 'organization')
      .where(where, parameters)
      .getOne();
  }

  /** One page sorted by (sort_key, id); limit + 1 rows. */
  findPage(
    filter: RegistrationFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<RegistrationEntity[]> {
    const query = this.dataSource
      .getRepository(RegistrationEntity)
      .createQueryBuilder('registration')
      .leftJoinAndSelect('registration.organization', 'organization')
      .where('registration.eventId = :eventId', { eventId: filter.eventId })
      .orderBy('registration.sortKey', 'ASC')
      .addOrderBy('registration.id', 'ASC')
      .limit(limit + 1);
    if (filter.status !== undefined) {
      query.andWhere('registration.status = :status', { status: filter.status });
    }
    if (filter.invitationId !== undefined) {
      query.andWhere('registration.invitationId = :invitationId', {
        invitationId: filter.invitationId,
      });
    }
    if (filter.organizationId !== undefined) {
      query.andWhere('registration.organizationId = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    searchWords(filter.search ?? '').forEach((word, index) => {
      query.andWhere(`registration.searchText LIKE :word${index}`, {
        [`word${index}`]: `%${escapeLike(word)}%`,
      });
    });
    if (after) {
      query.andWhere('(registration.sortKey, registration.id) > (:key, :id)', {
        key: after.key,
        id: after.id,
      });
    }
    return query.getMany();
  }

  /** The event's confirmed registrations (of one delegation, when given), by organization and name. */
  findConfirmed(eventId: string, invitationId?: string): Promise<RegistrationEntity[]> {
    return this.dataSource.getRepository(RegistrationEntity).find({
      where: { eventId, status: 'confirmed', ...(invitationId ? { invitationId } : {}) },
      relations: { organization: true },
      order: { organization: { sortKey: 'ASC' }, sortKey: 'ASC', id: 'ASC' },
    });
  }

  /** Every registration of a delegation, by name. */
  findAllOfInvitation(invitationId: string): Promise<RegistrationEntity[]> {
    return this.dataSource.getRepository(RegistrationEntity).find({
      where: { invitationId },
      relations: { organization: true },
      order: { sortKey: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Moves a registration from one of `from` to `to`, locking its row; the status it had, or null
   * when it was in none of them (nothing changes then).
   */
  async changeStatus(
    manager: EntityManager,
    id: string,
    from: readonly RegistrationStatus[],
    to: RegistrationStatus,
    reason: string | null = null,
  ): Promise<RegistrationStatus | null> {
    const rows = await manager.query<{ status: RegistrationStatus }[]>(
      `WITH old AS (
         SELECT id, status FROM registrations WHERE id = $1 AND status = ANY($2::registration_status[])
         FOR UPDATE
       ), changed AS (
         UPDATE registrations r SET status = $3, status_reason = $4, updated_at = now()
           FROM old WHERE r.id = old.id
         RETURNING old.status
       ) SELECT status FROM changed`,
      [id, from, to, reason],
    );
    return rows[0]?.status ?? null;
  }

  async updateContact(manager: EntityManager, id: string, changes: ContactChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    await manager.getRepository(RegistrationEntity).update({ id }, changes);
  }

  /** The sessions each registration chose, in one query. */
  async choicesOf(
    registrationIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const choices = new Map<string, string[]>();
    if (registrationIds.length === 0) return choices;
    const rows = await manager.query<{ registration_id: string; session_id: string }[]>(
      `SELECT registration_id, session_id FROM registration_sessions
        WHERE registration_id = ANY($1::uuid[]) ORDER BY registration_id, session_id`,
      [registrationIds],
    );
    for (const row of rows) {
      choices.set(row.registration_id, [
        ...(choices.get(row.registration_id) ?? []),
        row.session_id,
      ]);
    }
    return choices;
  }

  async addChoices(
    manager: EntityManager,
    registrationId: string,
    sessionIds: readonly string[],
  ): Promise<void> {
    if (sessionIds.length === 0) return;
    await manager.query(
      `INSERT INTO registration_sessions (registration_id, session_id)
       SELECT $1, unnest($2::uuid[])`,
      [registrationId, sessionIds],
    );
  }

  /** Removes these choices, or all of the registration's; the sessions they held. */
  async removeChoices(
    manager: EntityManager,
    registrationId: string,
    sessionIds?: readonly string[],
  ): Promise<string[]> {
    const rows = await manager.query<{ session_id: string }[]>(
      `WITH removed AS (
         DELETE FROM registration_sessions
          WHERE registration_id = $1 AND ($2::uuid[] IS NULL OR session_id = ANY($2::uuid[]))
         RETURNING session_id
       ) SELECT session_id FROM removed`,
      [registrationId, sessionIds ?? null],
    );
    return rows.map((row) => row.session_id);
  }

  /** Hands a registration's choices (and the session seats they hold) to another. */
  async moveChoices(manager: EntityManager, from: string, to: string): Promise<void> {
    await manager.query(
      'UPDATE registration_sessions SET registration_id = $2 WHERE registration_id = $1',
      [from, to],
    );
  }

  /**
   * The first waitlisted registrations of the event, in queue order, that could take a seat now:
   * open registrations, and delegates of active delegations with room in their quota.
   */
  async nextOnWaitlist(
    manager: EntityManager,
    eventId: string,
  ): Promise<{ id: string; invitationId: string | null } | null> {
    const rows = await manager.query<{ id: string; invitation_id: string | null }[]>(
      `SELECT r.id, r.invitation_id
         FROM registrations r
         LEFT JOIN invitations i ON i.id = r.invitation_id
        WHERE r.event_id = $1 AND r.status = 'waitlisted'
          AND (r.invitation_id IS NULL OR (i.status = 'active' AND i.seats_taken < i.seat_quota))
        ORDER BY r.queue_position
        LIMIT 1`,
      [eventId],
    );
    const row = rows[0];
    return row ? { id: row.id, invitationId: row.invitation_id } : null;
  }
}
