import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyStaff, Organizers, Public } from '../../common/access/access.decorator';
import { RATE_LIMITS, RateLimited } from '../../common/access/rate-limits';
import {
  ApiIdempotencyKey,
  IdempotencyKey,
} from '../../common/idempotency/idempotency-key.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import {
  ListRegistrationsQueryDto,
  RegisterDto,
  RegistrationDecisionDto,
  type RegistrationDecisionResultDto,
  RegistrationDto,
  type RegistrationPageDto,
  StatusReasonDto,
} from './dto/registration.dto';
import { RegistrationsError } from './registrations.errors';
import { RegistrationsService } from './registrations.service';

/** Registrations for an event. */
@ApiTags(ApiTag.Registrations)
@Controller('events/:eventId/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /**
   * Register a delegate (public, with the delegation's invitation token).
   *
   * @remarks `confirmed` when a seat of the event and of the delegation is free, `pending` when
   * the event wants approval (the seat is held), `waitlisted` when full (in order), or a refusal:
   * 409 REGISTRATION_CLOSED, REGISTRATION_DUPLICATE (one live registration per email and per NIP),
   * EVENT_FULL or DELEGATION_FULL without a waitlist; 401/403 for a bad or revoked token. Limits
   * hold under any concurrency: the database settles every seat. With `Idempotency-Key` a retry
   * returns the first answer. Rate limited per client address.
   */
  @Post()
  @Public()
  @RateLimited(RATE_LIMITS.public)
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429, 503)
  async register(
    @UuidParam('eventId') eventId: string,
    @Body() body: RegisterDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationDto> {
    const answer = await this.registrations.register(eventId, body, idempotencyKey);
    void reply.status(answer.status);
    return answer.body;
  }

  /** List the event's registrations by name; filter by status, delegation, organization, words. */
  @Get()
  @AnyStaff()
  @ApiProblems(400, 404)
  listRegistrations(
    @UuidParam('eventId') eventId: string,
    @Query() query: ListRegistrationsQueryDto,
  ): Promise<RegistrationPageDto> {
    return this.registrations.listRegistrations(eventId, query);
  }

  /**
   * Approve several registrations.
   *
   * @remarks Pending ones are confirmed (their seat is held already); waitlisted ones take a seat
   * exactly as registering does, and stay waitlisted when none is free. The answer says, per
   * registration, what happened.
   */
  @Post('approve')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 503)
  approveRegistrations(
    @UuidParam('eventId') eventId: string,
    @Body() body: RegistrationDecisionDto,
  ): Promise<RegistrationDecisionResultDto> {
    return this.registrations.approve(eventId, body.registrationIds);
  }

  /** Reject several pending or waitlisted registrations; freed seats go to the waitlist in order. */
  @Post('reject')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 503)
  rejectRegistrations(
    @UuidParam('eventId') eventId: string,
    @Body() body: RegistrationDecisionDto,
  ): Promise<RegistrationDecisionResultDto> {
    return this.registrations.reject(eventId, body.registrationIds, body.reason);
  }

  /** One registration. */
  @Get(':registrationId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getRegistration(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
  ): Promise<RegistrationDto> {
    return this.registrations.getRegistration(eventId, registrationId);
  }

  /** Approve one registration; 409 NO_SEAT_AVAILABLE when a waitlisted one finds no seat. */
  @Post(':registrationId/approve')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409, 503)
  async approveRegistration(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
  ): Promise<RegistrationDto> {
    oneDone(await this.registrations.approve(eventId, [registrationId]));
    return this.registrations.getRegistration(eventId, registrationId);
  }

  /** Reject one pending or waitlisted registration. */
  @Post(':registrationId/reject')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409, 503)
  async rejectRegistration(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
    @Body() body: StatusReasonDto,
  ): Promise<RegistrationDto> {
    oneDone(await this.registrations.reject(eventId, [registrationId], body.reason));
    return this.registrations.getRegistration(eventId, registrationId);
  }
}

/** A decision on one registration that was refused, as the problem it is. */
function oneDone(result: RegistrationDecisionResultDto): void {
  const refused = result.refused[0];
  if (!refused) return;
  const code =
    refused.code === 'REGISTRATION_NOT_FOUND'
      ? 'REGISTRATION_NOT_FOUND'
      : refused.code === 'NO_SEAT_AVAILABLE'
        ? 'NO_SEAT_AVAILABLE'
        : 'REGISTRATION_STATUS';
  throw new RegistrationsError(code, refused.detail);
}
