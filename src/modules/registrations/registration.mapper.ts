import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { composeDisplayName } from '../people/domain/display-name';
import type { FieldWarning } from '../people/domain/person-warnings';
import type { RegistrationDto } from './dto/registration.dto';
import { NikVault } from './nik-vault';
import type { RegistrationEntity } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';

/** A registration with as much of its organization as the API shows. */
type RegistrationView = Omit<RegistrationEntity, 'organization'> & {
  organization?: Pick<OrganizationEntity, 'id' | 'name'> | null;
};

/** Registrations as the API shows them, with their place on the waitlist. */
@Injectable()
export class RegistrationMapper {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nik: NikVault,
    private readonly registrations: RegistrationsRepository,
  ) {}

  async toDto(
    registration: RegistrationEntity,
    warnings: readonly FieldWarning[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationDto> {
    const { positions, choices } = await this.extras([registration], manager);
    return this.toDtoWith(registration, warnings, {
      waitlistPosition: positions.get(registration.id) ?? null,
      sessionIds: choices.get(registration.id) ?? [],
    });
  }

  /**
   * A registration made by this request: it has chosen no session yet, so only a waitlisted
   * one costs a query (its place).
   */
  async toNewDto(
    registration: RegistrationView,
    warnings: readonly FieldWarning[],
  ): Promise<RegistrationDto> {
    const positions = await this.waitlistPositions([registration]);
    return this.toDtoWith(registration, warnings, {
      waitlistPosition: positions.get(registration.id) ?? null,
      sessionIds: [],
    });
  }

  /** Many registrations, with their waitlist places and session choices in two queries. */
  async toDtos(registrations: readonly RegistrationEntity[]): Promise<RegistrationDto[]> {
    const { positions, choices } = await this.extras(registrations);
    return registrations.map((registration) =>
      this.toDtoWith(registration, [], {
        waitlistPosition: positions.get(registration.id) ?? null,
        sessionIds: choices.get(registration.id) ?? [],
      }),
    );
  }

  private async extras(
    registrations: readonly RegistrationEntity[],
    manager: EntityManager = this.dataSource.manager,
  ) {
    return {
      positions: await this.waitlistPositions(registrations, manager),
      choices: await this.registrations.choicesOf(
        registrations.map((registration) => registration.id),
        manager,
      ),
    };
  }

  /** Each waitlisted registration's place (1 is next) on its event's waitlist, in one query. */
  private async waitlistPositions(
    registrations: readonly RegistrationView[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const waiting = registrations.filter((r) => r.status === 'waitlisted');
    if (waiting.length === 0) return new Map();
    const rows = await manager.query<{ id: string; place: string }[]>(
      `SELECT id, place FROM (
         SELECT id, row_number() OVER (PARTITION BY event_id ORDER BY queue_position) AS place
           FROM registrations
          WHERE event_id = ANY($1::uuid[]) AND status = 'waitlisted'
       ) ranked WHERE id = ANY($2::uuid[])`,
      [[...new Set(waiting.map((r) => r.eventId))], waiting.map((r) => r.id)],
    );
    return new Map(rows.map((row) => [row.id, Number(row.place)]));
  }

  private toDtoWith(
    registration: RegistrationView,
    warnings: readonly FieldWarning[],
    extras: { waitlistPosition: number | null; sessionIds: string[] },
  ): RegistrationDto {
    return {
      id: registration.id,
      eventId: registration.eventId,
      code: registration.code,
      status: registration.status,
      waitlistPosition: extras.waitlistPosition,
      sessionIds: extras.sessionIds,
      invitationId: registration.invitationId,
      organization: registration.organization
        ? { id: registration.organization.id, name: registration.organization.name }
        : null,
      titlesBefore: registration.titlesBefore,
      name: registration.name,
      titlesAfter: registration.titlesAfter,
      displayName: composeDisplayName(registration),
      employmentType: registration.employmentType,
      nip: registration.nip,
      rankGrade: registration.rankGrade,
      position: registration.position,
      workUnit: registration.workUnit,
      email: registration.email,
      phone: registration.phone,
      nikMasked: registration.nikEncrypted ? this.nik.masked(registration.nikEncrypted) : null,
      consent: {
        dataProcessing: registration.consentDataProcessing,
        photos: registration.consentPhotos,
        at: registration.consentedAt.toISOString(),
      },
      statusReason: registration.statusReason,
      warnings: warnings.map(({ field, message }) => ({ field, message })),
      createdAt: registration.createdAt.toISOString(),
      updatedAt: registration.updatedAt.toISOString(),
    };
  }
}
