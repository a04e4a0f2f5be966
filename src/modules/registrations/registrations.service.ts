import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  IdempotencyStore,
  requestFingerprint,
  type StoredAnswer,
} from '../../common/idempotency/idempotency.store';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import { foldForSearch, searchTextOf } from '../../common/text/search-text';
import { localDateOf } from '../../common/time/zoned-time';
import { isLockTimeout, isUniqueViolation } from '../../database/database-errors';
import { AgendaService } from '../agenda/agenda.service';
import type { Rundown } from '../agenda/render/rundown';
import { isOpenRegistration } from '../events/domain/event-settings';
import { composeDisplayName } from '../people/domain/display-name';
import { maskPhone } from '../people/domain/phone';
import { type SessionRecord, SessionsRepository } from '../sessions/sessions.repository';
import { eventNotFound } from '../events/events.errors';
import { type EventRecord, EventsRepository } from '../events/events.repository';
import { checkDelegateDetails, type NormalizedDelegate } from './domain/delegate-details';
import { generateRegistrationCode, parseRegistrationCode } from './domain/registration-code';
import { hashSecret } from './domain/secret-token';
import type {
  DelegateInputDto,
  DelegationDto,
  ListRegistrationsQueryDto,
  RegisterDto,
  RegistrationDecisionResultDto,
  RegistrationDto,
  RegistrationPageDto,
  SubstituteDto,
  UpdateContactDto,
} from './dto/registration.dto';
import type { InvitationRecord, TokenInvitation } from './invitations.repository';
import { InvitationsRepository } from './invitations.repository';
import type { RegistrationEntity, RegistrationStatus } from './registration.entity';
import { NikVault } from './nik-vault';
import { renderNameTags } from './render/name-tags';
import { RegistrationMapper } from './registration.mapper';
import {
  invitationNotFound,
  registrationNotFound,
  RegistrationsError,
} from './registrations.errors';
import {
  LIVE,
  type NewRegistration,
  RegistrationsRepository,
  SEATED,
} from './registrations.repository';
import { type SeatOutcome, SeatsRepository } from './seats.repository';
import { Waitlist } from './waitlist';

/** The outcome of a POST that creates: its status and body, as stored for its idempotency key. */
export type CreatedAnswer = StoredAnswer & { body: RegistrationDto };

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nik: NikVault,
    private readonly registrations: RegistrationsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly events: EventsRepository,
    private readonly seats: SeatsRepository,
    private readonly waitlist: Waitlist,
    private readonly idempotency: IdempotencyStore,
    private readonly mapper: RegistrationMapper,
    private readonly sessions: SessionsRepository,
    private readonly agenda: AgendaService,
  ) {}

  // ---- registering --------------------------------------------------------------------------

  /**
   * Registers a delegate: checks the details, then in one transaction claims the idempotency
   * key, takes a seat of the event and of the delegation by conditional updates (or joins the
   * waitlist), and inserts the registration; a duplicate person rolls it all back.
   */
  async register(
    eventId: string,
    input: RegisterDto,
    idempotencyKey?: string,
  ): Promise<CreatedAnswer> {
    const token = input.invitationToken;
    const found = await this.invitations.findEventAndTokenInvitation(
      eventId,
      token ? hashSecret(token) : null,
    );
    if (!found) throw eventNotFound(eventId);
    const { event } = found;
    const scope = `registrations:${eventId}`;
    const fingerprint = requestFingerprint(scope, input);
    const delegate = this.checkDelegate(input, event);
    const invitation = invitationFor(event, token, found.invitation);
    const row = this.newRow(invitation, delegate.details, input.consent, event.id);
    // The seats and the row in one statement: the event's seat row is locked while it runs and,
    // with an Idempotency-Key, until the key's answer is committed with it.
    const take = async (manager: EntityManager) => {
      ensureOpen(event);
      const seated = event.settings.approvalRequired ? 'pending' : 'confirmed';
      const { outcome, registration } = await this.insertTakingSeat(
        manager,
        { ...row, status: seated },
        event,
      );
      if (!registration) throw fullError(outcome, invitation);
      return { ...registration, organization: invitation?.organization ?? null };
    };
    const made =
      idempotencyKey === undefined
        ? await busyAsProblem(() => take(this.dataSource.manager))
        : await this.seatTransaction(async (manager) => {
            const stored = await this.idempotency.claim(
              manager,
              scope,
              idempotencyKey,
              fingerprint,
            );
            if (stored) return (stored.body as { registrationId: string }).registrationId;
            const inserted = await take(manager);
            await this.idempotency.record(manager, scope, idempotencyKey, {
              status: 201,
              body: { registrationId: inserted.id },
            });
            return inserted;
          });
    if (typeof made !== 'string') {
      return { status: 201, body: await this.mapper.toNewDto(made, delegate.warnings) };
    }
    // A retried request: the registration its key made, as it is now.
    const registration = await this.registrations.findById(made);
    if (!registration) throw new Error(`Registration ${made} vanished after its commit`);
    return { status: 201, body: await this.mapper.toDto(registration, delegate.warnings) };
  }

  // ---- staff --------------------------------------------------------------------------------

  async listRegistrations(
    eventId: string,
    query: ListRegistrationsQueryDto,
  ): Promise<RegistrationPageDto> {
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.registrations.findPage(
      {
        eventId,
        status: query.status,
        invitationId: query.invitationId,
        organizationId: query.organizationId,
        search: query.q,
      },
      after,
      query.limit,
    );
    if (rows.length === 0 && !(await this.events.exists(eventId))) throw eventNotFound(eventId);
    const page = toKeyPage(
      rows,
      query.limit,
      (row) => row.sortKey,
      (row) => row,
    );
    return { items: await this.mapper.toDtos(page.items), nextCursor: page.nextCursor };
  }

  async getRegistration(eventId: string, id: string): Promise<RegistrationDto> {
    const registration = await this.registrations.findOfEvent(eventId, id);
    if (registration) return this.mapper.toDto(registration, []);
    if (!(await this.events.exists(eventId))) throw eventNotFound(eventId);
    throw new RegistrationsError(
      'REGISTRATION_NOT_FOUND',
      `The event ${eventId} has no registration with the id ${id}.`,
    );
  }

  /**
   * Approves registrations: a pending one keeps its seat and is confirmed; a waitlisted one takes
   * a seat exactly as registering does, or stays waitlisted when none is free.
   */
  async approve(eventId: string, ids: readonly string[]): Promise<RegistrationDecisionResultDto> {
    await this.requireEvent(eventId);
    return this.seatTransaction(async (manager) => {
      await this.seats.lockEventSeats(manager, eventId);
      const result: RegistrationDecisionResultDto = { done: [], refused: [] };
      for (const id of unique(ids)) {
        const registration = await this.registrations.findOfEvent(eventId, id, manager);
        if (!registration) {
          result.refused.push(
            refusal(id, 'REGISTRATION_NOT_FOUND', 'The event has no such registration.'),
          );
        } else if (registration.status === 'pending') {
          await this.registrations.changeStatus(manager, id, ['pending'], 'confirmed');
          result.done.push(id);
        } else if (registration.status === 'waitlisted') {
          const seat = await this.seats.takeSeat(manager, eventId, registration.invitationId);
          if (seat === 'taken') {
            await this.registrations.changeStatus(manager, id, ['waitlisted'], 'confirmed');
            result.done.push(id);
          } else {
            result.refused.push(refusal(id, 'NO_SEAT_AVAILABLE', fullDetail(seat)));
          }
        } else {
          result.refused.push(statusRefusal(registration, 'approved'));
        }
      }
      return result;
    });
  }

  /** Rejects pending or waitlisted registrations; a freed seat goes to the waitlist. */
  reject(
    eventId: string,
    ids: readonly string[],
    reason?: string,
  ): Promise<RegistrationDecisionResultDto> {
    return this.endRegistrations(eventId, ids, ['pending', 'waitlisted'], 'rejected', reason);
  }

  /**
   * Name tags for the event's confirmed delegates (of one delegation, when given), by
   * organization then name, as an A4 PDF.
   */
  async nameTags(eventId: string, invitationId?: string): Promise<Buffer> {
    const event = await this.requireEvent(eventId);
    const registrations = await this.registrations.findConfirmed(eventId, invitationId);
    return renderNameTags({
      eventTitle: event.title,
      printedAt: new Date(),
      tags: registrations.map((registration) => ({
        titlesBefore: registration.titlesBefore,
        name: registration.name,
        titlesAfter: registration.titlesAfter,
        organization: registration.organization?.name ?? registration.workUnit ?? '',
        position: registration.position,
        role: 'delegate',
        code: registration.code,
      })),
    });
  }

  // ---- the delegate, by code ----------------------------------------------------------------

  async getByCode(code: string): Promise<RegistrationDto> {
    return this.mapper.toDto(await this.requireByCode(code), []);
  }

  async updateContact(code: string, input: UpdateContactDto): Promise<RegistrationDto> {
    const registration = await this.requireByCode(code);
    const event = await this.requireEvent(registration.eventId);
    if (!LIVE.includes(registration.status)) throw statusError(registration, 'changed');
    const merged = {
      ...this.inputOf(registration),
      ...definedOnly(input),
    };
    const checked = this.checkDelegate(merged, event);
    const details = checked.details;
    try {
      await this.dataSource.transaction((manager) =>
        this.registrations.updateContact(manager, registration.id, {
          email: details.email,
          phone: details.phone,
          phoneMasked: maskedPhone(details.phone),
          position: details.position,
          workUnit: details.workUnit,
          searchText: searchTextFor(details, registration.code),
        }),
      );
    } catch (error) {
      throw duplicateOr(error);
    }
    const updated = await this.registrations.findById(registration.id);
    return this.mapper.toDto(updated ?? registration, checked.warnings);
  }

  /** The delegate cancels; a freed seat goes to the first of the waitlist in the same transaction. */
  async cancelByCode(code: string, reason?: string): Promise<RegistrationDto> {
    const registration = await this.requireByCode(code);
    const result = await this.endRegistrations(
      registration.eventId,
      [registration.id],
      LIVE,
      'cancelled',
      reason ?? 'Dibatalkan oleh peserta',
    );
    const refused = result.refused[0];
    if (refused) throw new RegistrationsError('REGISTRATION_STATUS', refused.detail);
    return this.getByCode(code);
  }

  /**
   * The parallel sessions the delegate attends, replacing earlier choices: each new one takes a
   * seat of the session by a conditional update (after the event's seat row, in id order), so a
   * full session refuses with 409 SESSION_FULL and nothing changes. Only seated registrations
   * choose; sessions must be the event's, have seats of their own, and not overlap.
   */
  async chooseSessions(code: string, sessionIds: readonly string[]): Promise<RegistrationDto> {
    const registration = await this.requireByCode(code);
    if (!SEATED.includes(registration.status)) {
      throw new RegistrationsError(
        'REGISTRATION_STATUS',
        `A ${registration.status} registration holds no seat, so it cannot choose sessions yet.`,
      );
    }
    const wanted = [...new Set(sessionIds)].sort();
    checkChoices(await this.sessions.findAllOfEvent(registration.eventId), sessionIds);
    await this.seatTransaction(async (manager) => {
      await this.seats.lockEventSeats(manager, registration.eventId);
      const current =
        (await this.registrations.choicesOf([registration.id], manager)).get(registration.id) ?? [];
      const dropped = current.filter((id) => !wanted.includes(id));
      await this.registrations.removeChoices(manager, registration.id, dropped);
      await this.seats.releaseSessionSeats(manager, dropped);
      const added = wanted.filter((id) => !current.includes(id));
      for (const sessionId of added) {
        if (!(await this.seats.takeSessionSeat(manager, sessionId))) {
          throw new RegistrationsError(
            'SESSION_FULL',
            'Every seat of this session is taken; choose another.',
            [
              {
                field: `sessionIds[${sessionIds.indexOf(sessionId)}]`,
                message: 'the session is full',
              },
            ],
          );
        }
      }
      await this.registrations.addChoices(manager, registration.id, added);
    });
    return this.getByCode(code);
  }

  /**
   * The delegate's agenda: the published rundown without the parallel sessions they did not
   * choose (a session with seats of its own is one delegates choose).
   */
  async delegateRundown(code: string): Promise<Rundown> {
    const registration = await this.requireByCode(code);
    const rundown = await this.agenda.publishedRundown(registration.eventId);
    const chosen = new Set(
      (await this.registrations.choicesOf([registration.id])).get(registration.id) ?? [],
    );
    const parallel = new Set(
      (await this.sessions.findAllOfEvent(registration.eventId))
        .filter((session) => session.capacity !== null)
        .map((session) => session.id),
    );
    return {
      ...rundown,
      person: { id: registration.id, name: composeDisplayName(registration) },
      items: rundown.items.filter((item) => !parallel.has(item.id) || chosen.has(item.id)),
    };
  }

  // ---- the focal point, by the delegation's token -------------------------------------------

  async delegation(token: string): Promise<DelegationDto> {
    const invitation = await this.requireInvitationByToken(token);
    const event = await this.requireEvent(invitation.eventId);
    const registrations = await this.registrations.findAllOfInvitation(invitation.id);
    return {
      invitationId: invitation.id,
      eventId: invitation.eventId,
      eventTitle: event.title,
      organization: { id: invitation.organization.id, name: invitation.organization.name },
      seatQuota: invitation.seatQuota,
      seatsTaken: invitation.seatsTaken,
      registrations: await this.mapper.toDtos(registrations),
    };
  }

  async cancelForDelegation(
    token: string,
    registrationId: string,
    reason?: string,
  ): Promise<RegistrationDto> {
    const { registration } = await this.delegateOf(token, registrationId);
    const result = await this.endRegistrations(
      registration.eventId,
      [registration.id],
      LIVE,
      'cancelled',
      reason ?? 'Dibatalkan oleh narahubung delegasi',
    );
    const refused = result.refused[0];
    if (refused) throw new RegistrationsError('REGISTRATION_STATUS', refused.detail);
    return this.mapper.toDto(
      (await this.registrations.findById(registration.id)) ?? registration,
      [],
    );
  }

  /**
   * The focal point puts another delegate in this one's place: the new registration takes over
   * the status, seat and waitlist place, and the old one is cancelled, in one transaction; no
   * counter changes, so nobody else can take the seat in between.
   */
  async substitute(
    token: string,
    registrationId: string,
    input: SubstituteDto,
  ): Promise<RegistrationDto> {
    const { invitation, registration } = await this.delegateOf(token, registrationId);
    const event = await this.requireEvent(invitation.eventId);
    const delegate = this.checkDelegate(input, event);
    const created = await this.seatTransaction(async (manager) => {
      await this.seats.lockEventSeats(manager, event.id);
      const previous = await this.registrations.changeStatus(
        manager,
        registration.id,
        LIVE,
        'cancelled',
        'Digantikan oleh peserta lain',
      );
      if (previous === null) throw statusError(registration, 'substituted');
      const replacementId = await this.insertRow(manager, {
        ...this.newRow(invitation, delegate.details, input.consent, event.id),
        status: previous,
        queuePosition: registration.queuePosition,
      });
      await this.registrations.moveChoices(manager, registration.id, replacementId);
      const replacement = await this.registrations.findById(replacementId, manager);
      if (!replacement)
        throw new Error(`Registration ${replacementId} vanished in its transaction`);
      return this.mapper.toDto(replacement, delegate.warnings, manager);
    });
    return created;
  }

  // ---- shared steps -------------------------------------------------------------------------

  /**
   * Ends registrations (reject, cancel) that are in one of `from`; each freed seat is given back
   * and the waitlist promoted, all in one transaction that holds the event's seats.
   */
  private async endRegistrations(
    eventId: string,
    ids: readonly string[],
    from: readonly RegistrationStatus[],
    to: 'rejected' | 'cancelled',
    reason?: string,
  ): Promise<RegistrationDecisionResultDto> {
    const event = await this.requireEvent(eventId);
    return this.seatTransaction(async (manager) => {
      await this.seats.lockEventSeats(manager, eventId);
      const result: RegistrationDecisionResultDto = { done: [], refused: [] };
      let freed = false;
      for (const id of unique(ids)) {
        const registration = await this.registrations.findOfEvent(eventId, id, manager);
        if (!registration) {
          result.refused.push(
            refusal(id, 'REGISTRATION_NOT_FOUND', 'The event has no such registration.'),
          );
          continue;
        }
        const previous = await this.registrations.changeStatus(
          manager,
          id,
          from,
          to,
          reason ?? null,
        );
        if (previous === null) {
          result.refused.push(statusRefusal(registration, to));
          continue;
        }
        if (SEATED.includes(previous)) {
          await this.seats.releaseSeat(manager, eventId, registration.invitationId);
          const sessions = await this.registrations.removeChoices(manager, id);
          await this.seats.releaseSessionSeats(manager, sessions);
          freed = true;
        }
        result.done.push(id);
      }
      if (freed) await this.waitlist.promote(manager, eventId, event.settings.approvalRequired);
      return result;
    });
  }

  /** A new registration's row, but for its status: codes drawn, NIK sealed, keys folded. */
  private newRow(
    invitation: TokenInvitation | null,
    details: NormalizedDelegate,
    consent: { dataProcessing: boolean; photos?: boolean },
    eventId: string,
  ): Omit<NewRegistration, 'status'> {
    const code = generateRegistrationCode();
    return {
      eventId,
      invitationId: invitation?.id ?? null,
      organizationId: invitation?.organizationId ?? null,
      code,
      codeHash: hashSecret(code),
      titlesBefore: details.titlesBefore,
      name: details.name,
      titlesAfter: details.titlesAfter,
      employmentType: details.employmentType,
      nip: details.nip,
      rankGrade: details.rankGrade,
      position: details.position,
      workUnit: details.workUnit,
      email: details.email,
      phone: details.phone,
      nikEncrypted: details.nik ? this.nik.seal(details.nik) : null,
      consentDataProcessing: consent.dataProcessing,
      consentPhotos: consent.photos ?? false,
      consentedAt: new Date(),
      statusReason: null,
      displayName: composeDisplayName(details),
      phoneMasked: maskedPhone(details.phone),
      searchText: searchTextFor(details, code),
      sortKey: `${foldForSearch(details.name)}|${code}`,
    };
  }

  /** Takes the seats and inserts the row in one statement; a duplicate person is a 409. */
  private async insertTakingSeat(manager: EntityManager, row: NewRegistration, event: EventRecord) {
    try {
      return await this.registrations.insertTakingSeat(
        manager,
        row,
        event.settings.waitlistEnabled,
      );
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  /** Inserts the row; a second live registration of the person is a 409 naming the field. */
  private async insertRow(manager: EntityManager, row: NewRegistration): Promise<string> {
    try {
      return await this.registrations.insert(manager, row);
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  /** Details checked against the event's required fields; a 400 naming each bad field. */
  private checkDelegate(input: DelegateInputDto, event: EventRecord) {
    const checked = checkDelegateDetails(
      input,
      event.settings.requiredDelegateFields,
      localDateOf(new Date(), event.timeZone),
    );
    if (!checked.ok) {
      throw new RegistrationsError(
        'INVALID_DELEGATE',
        `${checked.problems.length === 1 ? 'One field is' : `${checked.problems.length} fields are`} invalid: ${checked.problems.map((p) => p.field).join(', ')}`,
        checked.problems,
      );
    }
    return checked;
  }

  /** The active delegation whose token a focal point gives (X-Invitation-Token). */
  private async requireInvitationByToken(token: string | undefined): Promise<InvitationRecord> {
    const invitation = token ? await this.invitations.findByTokenHash(hashSecret(token)) : null;
    if (!invitation || invitation.status === 'revoked') throw invalidToken('X-Invitation-Token');
    return invitation;
  }

  private async delegateOf(token: string | undefined, registrationId: string) {
    const invitation = await this.requireInvitationByToken(token);
    const registration = await this.registrations.findOfEvent(invitation.eventId, registrationId);
    if (!registration || registration.invitationId !== invitation.id) {
      throw invitationNotFound(invitation.eventId, registrationId);
    }
    return { invitation, registration };
  }

  private async requireByCode(code: string): Promise<RegistrationEntity> {
    const normalized = parseRegistrationCode(code);
    const registration = normalized
      ? await this.registrations.findByCodeHash(hashSecret(normalized))
      : null;
    if (!registration) throw registrationNotFound();
    return registration;
  }

  private async requireEvent(eventId: string): Promise<EventRecord> {
    const event = await this.events.findRecord(eventId);
    if (!event) throw eventNotFound(eventId);
    return event;
  }

  /** The registration's details as a delegate would enter them, for re-checking a change. */
  private inputOf(registration: RegistrationEntity): DelegateInputDto {
    return {
      titlesBefore: registration.titlesBefore,
      name: registration.name,
      titlesAfter: registration.titlesAfter,
      employmentType: registration.employmentType,
      nip: registration.nip,
      rankGrade: registration.rankGrade,
      position: registration.position,
      workUnit: registration.workUnit,
      email: registration.email,
      phone: registration.phone,
      nik: registration.nikEncrypted ? this.nik.open(registration.nikEncrypted) : null,
    };
  }

  /**
   * Runs a seat-changing transaction with bounded lock waits; a wait past the bound is a 503 the
   * client may retry, never a hang.
   */
  private seatTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return busyAsProblem(() =>
      this.dataSource.transaction(async (manager) => {
        await this.seats.boundLockWaits(manager);
        return work(manager);
      }),
    );
  }
}

/** Registration is open: the event published and now within its registration window. */
function ensureOpen(event: EventRecord): void {
  const now = Date.now();
  const why =
    event.status !== 'published'
      ? `the event is ${event.status}`
      : event.registrationOpensAt && now < event.registrationOpensAt.getTime()
        ? `registration opens at ${event.registrationOpensAt.toISOString()}`
        : event.registrationClosesAt && now >= event.registrationClosesAt.getTime()
          ? `registration closed at ${event.registrationClosesAt.toISOString()}`
          : null;
  if (why) throw new RegistrationsError('REGISTRATION_CLOSED', `Registration is not open: ${why}.`);
}

/** Runs seat work; a lock wait past its bound is a 503 the client may retry, never a hang. */
async function busyAsProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isLockTimeout(error)) {
      throw new RegistrationsError(
        'REGISTRATION_BUSY',
        'Too many registrations for this event at this moment; try again in a few seconds.',
      );
    }
    throw error;
  }
}

/**
 * The delegation a registration goes to: the one whose token was given (`found`, looked up by
 * its hash), which must be the event's and active; none for an open event without a token.
 */
function invitationFor(
  event: EventRecord,
  token: string | undefined,
  found: TokenInvitation | null,
): TokenInvitation | null {
  if (token === undefined || token === '') {
    if (isOpenRegistration(event.settings)) return null;
    throw new RegistrationsError(
      'INVITATION_REQUIRED',
      "This event takes registrations through a delegation's invitation: give its invitationToken.",
      [{ field: 'invitationToken', message: 'invitationToken is required for this event' }],
    );
  }
  if (!found || found.eventId !== event.id) throw invalidToken('invitationToken');
  if (found.status === 'revoked') {
    throw new RegistrationsError(
      'INVITATION_REVOKED',
      'This invitation was revoked; ask the organizers for a new link.',
      [{ field: 'invitationToken', message: 'the invitation was revoked' }],
    );
  }
  return found;
}

/** The refusal when the event or the delegation is full and the event keeps no waitlist. */
function fullError(outcome: SeatOutcome, invitation: TokenInvitation | null): RegistrationsError {
  if (outcome === 'event') {
    return new RegistrationsError(
      'EVENT_FULL',
      'Every seat of the event is taken, and it keeps no waitlist.',
    );
  }
  return new RegistrationsError(
    'DELEGATION_FULL',
    `Every seat of the delegation of ${invitation?.organization.name ?? 'this organization'} is taken, and the event keeps no waitlist.`,
  );
}

/** Chosen sessions are the event's, have seats of their own, and do not overlap; else a 400. */
function checkChoices(sessions: readonly SessionRecord[], sessionIds: readonly string[]): void {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const problems: { field: string; message: string }[] = [];
  sessionIds.forEach((id, index) => {
    const session = byId.get(id);
    const field = `sessionIds[${index}]`;
    if (!session) problems.push({ field, message: `${field} is not an item of this event` });
    else if (session.capacity === null) {
      problems.push({ field, message: `${field} is not a session with seats to choose` });
    } else {
      const clash = sessionIds.slice(0, index).find((other) => overlaps(byId.get(other), session));
      if (clash) problems.push({ field, message: `${field} runs at the same time as ${clash}` });
    }
  });
  if (problems.length > 0) {
    throw new RegistrationsError(
      'INVALID_SESSION_CHOICE',
      problems.map((p) => p.message).join('; '),
      problems,
    );
  }
}

function overlaps(a: SessionRecord | undefined, b: SessionRecord): boolean {
  if (!a?.startsAt || !a.endsAt || !b.startsAt || !b.endsAt) return false;
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

function fullDetail(seat: 'event' | 'delegation'): string {
  return seat === 'event'
    ? 'Every seat of the event is taken.'
    : "Every seat of the registration's delegation is taken.";
}

function duplicateOr(error: unknown): unknown {
  if (isUniqueViolation(error, 'UQ_registrations_live_email')) {
    return new RegistrationsError(
      'REGISTRATION_DUPLICATE',
      'This email already has a registration for the event; use its code to see or change it.',
      [{ field: 'email', message: 'email is registered for this event already' }],
    );
  }
  if (isUniqueViolation(error, 'UQ_registrations_live_nip')) {
    return new RegistrationsError(
      'REGISTRATION_DUPLICATE',
      'This NIP already has a registration for the event; use its code to see or change it.',
      [{ field: 'nip', message: 'nip is registered for this event already' }],
    );
  }
  return error;
}

function invalidToken(field: string): RegistrationsError {
  return new RegistrationsError(
    'INVITATION_TOKEN_INVALID',
    'The invitation token is not valid: check the link, or ask the organizers for a new one.',
    [{ field, message: `${field} is not a valid invitation token` }],
  );
}

function statusError(registration: RegistrationEntity, action: string): RegistrationsError {
  return new RegistrationsError(
    'REGISTRATION_STATUS',
    `A ${registration.status} registration cannot be ${action}.`,
  );
}

function statusRefusal(registration: RegistrationEntity, action: string) {
  return refusal(
    registration.id,
    'REGISTRATION_STATUS',
    `A ${registration.status} registration cannot be ${action}.`,
  );
}

function refusal(registrationId: string, code: string, detail: string) {
  return { registrationId, code, detail };
}

function maskedPhone(phone: string | null): string | null {
  return phone === null ? null : maskPhone(phone);
}

function searchTextFor(details: NormalizedDelegate, code: string): string {
  return searchTextOf(details.name, details.email, details.nip, code, details.workUnit);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
