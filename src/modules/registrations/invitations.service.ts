import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import { isCheckViolation } from '../../database/database-errors';
import { EventWriteLock } from '../events/event-write-lock';
import { eventNotFound } from '../events/events.errors';
import { EventsRepository } from '../events/events.repository';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { normalizePhone } from '../people/domain/phone';
import { generateSecretToken, hashSecret } from './domain/secret-token';
import type {
  BulkInvitationResultDto,
  BulkInviteDto,
  CreateInvitationDto,
  FocalPointDto,
  InvitationDto,
  InvitationPageDto,
  IssuedInvitationDto,
  ListInvitationsQueryDto,
  UpdateInvitationDto,
} from './dto/invitation.dto';
import { toInvitationDto } from './invitation.mapper';
import {
  type InvitationChanges,
  InvitationsRepository,
  type NewInvitation,
} from './invitations.repository';
import { invitationNotFound, RegistrationsError } from './registrations.errors';
import { SeatsRepository } from './seats.repository';
import { Waitlist } from './waitlist';

/** Most organizations one bulk invitation takes. */
const MAX_BULK = 1000;

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly events: EventsRepository,
    private readonly writeLock: EventWriteLock,
    private readonly seats: SeatsRepository,
    private readonly waitlist: Waitlist,
  ) {}

  async listInvitations(
    eventId: string,
    query: ListInvitationsQueryDto,
  ): Promise<InvitationPageDto> {
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.invitations.findPage(
      { eventId, status: query.status },
      after,
      query.limit,
    );
    if (rows.length === 0 && !(await this.events.exists(eventId))) throw eventNotFound(eventId);
    return toKeyPage(rows, query.limit, (row) => row.sortKey, toInvitationDto);
  }

  async getInvitation(eventId: string, id: string): Promise<InvitationDto> {
    const invitation = await this.invitations.findRecord(eventId, id);
    if (invitation) return toInvitationDto(invitation);
    if (!(await this.events.exists(eventId))) throw eventNotFound(eventId);
    throw invitationNotFound(eventId, id);
  }

  async createInvitation(
    eventId: string,
    input: CreateInvitationDto,
  ): Promise<IssuedInvitationDto> {
    const focal = focalPointOf(input.focalPoint);
    const result = await this.invite(
      eventId,
      { ids: [input.organizationId] },
      input.seatQuota,
      focal,
    );
    const created = result.created[0];
    if (created) return created;
    if (result.alreadyInvited.length > 0) {
      throw new RegistrationsError(
        'INVITATION_EXISTS',
        'This organization is invited to the event already; change its invitation instead.',
        [{ field: 'organizationId', message: 'organizationId is invited already' }],
      );
    }
    throw new RegistrationsError(
      'UNKNOWN_ORGANIZATION',
      `There is no organization with the id ${input.organizationId} valid on the event's first day.`,
      [{ field: 'organizationId', message: 'organizationId names no organization valid then' }],
    );
  }

  async bulkInvite(eventId: string, input: BulkInviteDto): Promise<BulkInvitationResultDto> {
    if (
      input.organizationIds === undefined &&
      input.kind === undefined &&
      input.group === undefined
    ) {
      throw new RegistrationsError(
        'NOTHING_TO_INVITE',
        'Name the organizations to invite: organizationIds, or a kind or group of the catalog.',
        [{ field: 'organizationIds', message: 'give organizationIds, kind or group' }],
      );
    }
    const filter = { ids: input.organizationIds, kind: input.kind, group: input.group };
    return this.invite(eventId, filter, input.seatQuota, null);
  }

  async updateInvitation(
    eventId: string,
    id: string,
    input: UpdateInvitationDto,
  ): Promise<InvitationDto> {
    const changes: InvitationChanges = {};
    if (input.seatQuota !== undefined) changes.seatQuota = input.seatQuota;
    if (input.focalPoint !== undefined)
      Object.assign(changes, focalColumns(focalPointOf(input.focalPoint)));
    await this.dataSource.transaction(async (manager) => {
      const event = await this.writeLock.acquire(manager, eventId);
      await this.seats.boundLockWaits(manager);
      await this.seats.lockEventSeats(manager, eventId);
      const current = await this.invitations.lock(manager, eventId, id);
      if (!current) throw invitationNotFound(eventId, id);
      try {
        await this.invitations.update(manager, id, changes);
      } catch (error) {
        if (isCheckViolation(error, 'CK_invitations_seats')) {
          throw new RegistrationsError(
            'INVITATION_QUOTA_BELOW_SEATS',
            `The delegation holds ${current.seatsTaken} seats; its quota cannot go below that. Cancel registrations first.`,
            [{ field: 'seatQuota', message: `seatQuota must be at least ${current.seatsTaken}` }],
          );
        }
        throw error;
      }
      if (changes.seatQuota !== undefined && changes.seatQuota > current.seatQuota) {
        await this.waitlist.promote(manager, eventId, event.settings.approvalRequired);
      }
    });
    return this.getInvitation(eventId, id);
  }

  /** Revokes the delegation's token: it registers no one more; its registrations stay. */
  revokeInvitation(eventId: string, id: string): Promise<InvitationDto> {
    return this.setStatusOrToken(eventId, id, { status: 'revoked' }).then(({ dto }) => dto);
  }

  /** A new token for the delegation (active again if revoked); the old one stops working. */
  async reissueToken(eventId: string, id: string): Promise<IssuedInvitationDto> {
    const token = generateSecretToken();
    const { dto } = await this.setStatusOrToken(eventId, id, {
      status: 'active',
      tokenHash: hashSecret(token),
    });
    return { ...dto, token };
  }

  private async setStatusOrToken(
    eventId: string,
    id: string,
    changes: { status: 'active' | 'revoked'; tokenHash?: string },
  ): Promise<{ dto: InvitationDto }> {
    await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      if (!(await this.invitations.lock(manager, eventId, id)))
        throw invitationNotFound(eventId, id);
      await this.invitations.update(manager, id, changes);
    });
    return { dto: await this.getInvitation(eventId, id) };
  }

  /**
   * Invites the organizations the filter finds among those valid on the event's first day, each
   * with a new token; those invited already are reported, not changed.
   */
  private async invite(
    eventId: string,
    filter: { ids?: string[]; kind?: BulkInviteDto['kind']; group?: BulkInviteDto['group'] },
    seatQuota: number | undefined,
    focal: FocalPointColumns | null,
  ): Promise<BulkInvitationResultDto> {
    const event = await this.events.findRecord(eventId);
    if (!event) throw eventNotFound(eventId);
    const found = await this.organizations.findPage(
      { ...filter, validOn: event.startDate },
      undefined,
      MAX_BULK,
    );
    const tokens = new Map<string, string>();
    const rows: NewInvitation[] = found.map((organization) => {
      const token = generateSecretToken();
      tokens.set(organization.id, token);
      return {
        eventId,
        organizationId: organization.id,
        seatQuota: seatQuota ?? event.settings.defaultDelegationSeats,
        focalName: focal?.focalName ?? null,
        focalEmail: focal?.focalEmail ?? null,
        focalPhone: focal?.focalPhone ?? null,
        tokenHash: hashSecret(token),
        sortKey: organization.sortKey,
      };
    });
    const createdIds = await this.dataSource.transaction(async (manager) => {
      await this.writeLock.acquire(manager, eventId);
      return this.invitations.insertMissing(manager, rows);
    });
    const records = await this.invitations.findRecords(eventId, [...createdIds.values()]);
    return {
      created: records.map((record) => ({
        ...toInvitationDto(record),
        token: tokens.get(record.organizationId) ?? '',
      })),
      alreadyInvited: found.filter((o) => !createdIds.has(o.id)).map((o) => o.id),
    };
  }
}

type FocalPointColumns = Pick<NewInvitation, 'focalName' | 'focalEmail' | 'focalPhone'>;

/** The focal point as stored: phone in E.164, email lower-cased; null for none. */
function focalPointOf(input: FocalPointDto | null | undefined): FocalPointColumns | null {
  if (!input) return null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  return {
    focalName: input.name?.trim() || null,
    focalEmail: input.email?.toLowerCase() ?? null,
    focalPhone: phone?.valid ? phone.value : null,
  };
}

function focalColumns(focal: FocalPointColumns | null): FocalPointColumns {
  return focal ?? { focalName: null, focalEmail: null, focalPhone: null };
}
