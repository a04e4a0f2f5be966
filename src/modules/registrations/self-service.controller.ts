import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access/access.decorator';
import { answer, ApiAgendaOutput } from '../agenda/agenda-output';
import { AgendaFormatQueryDto } from '../agenda/dto/agenda.dto';
import { RATE_LIMITS, RateLimited } from '../../common/access/rate-limits';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import {
  ChooseSessionsDto,
  type DelegationDto,
  type RegistrationDto,
  StatusReasonDto,
  SubstituteDto,
  UpdateContactDto,
} from './dto/registration.dto';
import { qrPng, qrSvg } from './render/qr';
import { RegistrationsService } from './registrations.service';

/** The image formats of a registration's QR code. */
export class QrQueryDto {
  /** `png` (default) or `svg`. */
  @ApiPropertyOptional({ enum: ['png', 'svg'] })
  @IsOptional()
  @IsIn(['png', 'svg'])
  format?: 'png' | 'svg';
}

const TOKEN_HEADER = 'X-Invitation-Token';

/**
 * What a delegate does with their registration code: see it, change how to reach them, cancel,
 * and get its QR code. The code is the key: keep it private. Rate limited per client address.
 */
@ApiTags(ApiTag.Registrations)
@Controller('registrations/:code')
@Public()
@RateLimited(RATE_LIMITS.public)
export class SelfServiceController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** The registration: status (and place on the waitlist), details. */
  @Get()
  @ApiProblems(404, 429)
  getOwnRegistration(@Param('code') code: string): Promise<RegistrationDto> {
    return this.registrations.getByCode(code);
  }

  /** Change email, phone, position or work unit; checked as at registration. */
  @Patch()
  @ApiProblems(400, 404, 409, 429)
  updateOwnRegistration(
    @Param('code') code: string,
    @Body() body: UpdateContactDto,
  ): Promise<RegistrationDto> {
    return this.registrations.updateContact(code, body);
  }

  /** Cancel; a seat freed goes to the first of the waitlist at once. */
  @Delete()
  @ApiProblems(400, 404, 409, 429, 503)
  cancelOwnRegistration(
    @Param('code') code: string,
    @Body() body: StatusReasonDto,
  ): Promise<RegistrationDto> {
    return this.registrations.cancelByCode(code, body?.reason);
  }

  /**
   * Choose the parallel sessions to attend, replacing earlier choices.
   *
   * @remarks Each session has its own seats, held by the database like the event's: a full one
   * is a 409 SESSION_FULL naming it, and nothing changes. Only a pending or confirmed
   * registration chooses; the sessions must not overlap.
   */
  @Put('sessions')
  @ApiProblems(400, 404, 409, 429, 503)
  chooseOwnSessions(
    @Param('code') code: string,
    @Body() body: ChooseSessionsDto,
  ): Promise<RegistrationDto> {
    return this.registrations.chooseSessions(code, body.sessionIds);
  }

  /**
   * The delegate's agenda: the published rundown with the parallel sessions they chose, as
   * iCalendar by default (to import into a calendar app), or JSON, PDF, HTML, CSV by `?format=`
   * or Accept. 404 AGENDA_NOT_PUBLISHED until the organizers publish it.
   */
  @Get('agenda')
  @ApiAgendaOutput()
  @ApiProblems(400, 404, 406, 429)
  getOwnAgenda(
    @Param('code') code: string,
    @Query() query: AgendaFormatQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return answer(reply, query, accept, 'ics', () => this.registrations.delegateRundown(code));
  }

  /** The registration's QR code (it holds the code), as PNG or SVG, to show at the door. */
  @Get('qr')
  @ApiProduces('image/png', 'image/svg+xml')
  @ApiOkResponse({
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/svg+xml': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 429)
  async getOwnQrCode(
    @Param('code') code: string,
    @Query() query: QrQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const registration = await this.registrations.getByCode(code);
    if (query.format === 'svg') {
      void reply.header('content-type', 'image/svg+xml');
      return qrSvg(registration.code);
    }
    void reply.header('content-type', 'image/png');
    return qrPng(registration.code);
  }
}

/**
 * What a delegation's focal point does with its token (header X-Invitation-Token): see the
 * delegation and its delegates, cancel one, or put another in one's place.
 */
@ApiTags(ApiTag.Registrations)
@Controller('delegation')
@Public()
@RateLimited(RATE_LIMITS.public)
@ApiHeader({ name: TOKEN_HEADER, required: true, description: "The delegation's invitation token" })
export class DelegationController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** The delegation: seats, and every registration made through it. */
  @Get()
  @ApiProblems(401, 429)
  getDelegation(@Headers(TOKEN_HEADER) token: string | undefined): Promise<DelegationDto> {
    return this.registrations.delegation(token ?? '');
  }

  /** Cancel one of the delegation's registrations; its seat goes to the waitlist. */
  @Post('registrations/:registrationId/cancel')
  @HttpCode(200)
  @ApiProblems(400, 401, 404, 409, 429, 503)
  cancelDelegate(
    @Headers(TOKEN_HEADER) token: string | undefined,
    @UuidParam('registrationId') registrationId: string,
    @Body() body: StatusReasonDto,
  ): Promise<RegistrationDto> {
    return this.registrations.cancelForDelegation(token ?? '', registrationId, body.reason);
  }

  /**
   * Put another delegate in this one's place, keeping the seat (or the waitlist place).
   *
   * @remarks The new registration gets its own code; the old one is cancelled. Nobody else can
   * take the seat in between.
   */
  @Post('registrations/:registrationId/substitute')
  @ApiProblems(400, 401, 404, 409, 429, 503)
  substituteDelegate(
    @Headers(TOKEN_HEADER) token: string | undefined,
    @UuidParam('registrationId') registrationId: string,
    @Body() body: SubstituteDto,
  ): Promise<RegistrationDto> {
    return this.registrations.substitute(token ?? '', registrationId, body);
  }
}
