import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type Actor,
  AnyStaff,
  CurrentActor,
  Organizers,
} from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { LocalDateParam } from '../../common/validation/local-date';
import { UuidParam } from '../../common/validation/uuid-param';
import { AttendanceChainService } from './attendance-chain.service';
import { CheckInsService } from './check-ins.service';
import {
  type AttendanceDayDto,
  CheckInBatchDto,
  type CheckInBatchResultDto,
  CheckInDto,
  CheckInResultDto,
  ChainQueryDto,
  type ChainVerificationDto,
  SetAttendanceStatusDto,
} from './dto/check-in.dto';

/** Check-ins by staff at the door and in session rooms. */
@ApiTags(ApiTag.Attendance)
@Controller('events/:eventId/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  /**
   * Check a delegate in (or out) by the QR code's payload, the registration code, or by hand.
   *
   * @remarks For the day (the door) or a session of that day; the day defaults to today in the
   * event's zone. Idempotent: a second scan answers 200 `already_recorded` with the first
   * check-in's time ("Sudah tercatat hadir pukul 08.12 WIB.") and changes nothing, however many
   * staff scan the same code at once; with `clientScanId` a resent request answers `replayed`.
   * Refused: 409 REGISTRATION_NOT_CONFIRMED (cancelled, pending, waitlisted…), 404 for an unknown
   * code, 400 CODE_INVALID for a typo, 422 DAY_OUTSIDE_EVENT or SESSION_NOT_ON_DAY, 409
   * NOT_CHECKED_IN for a check-out before any check-in.
   */
  @Post()
  @AnyStaff()
  @ApiCreatedResponse({ type: CheckInResultDto, description: 'A new check-in (or check-out).' })
  @ApiOkResponse({ type: CheckInResultDto, description: 'Recorded before; nothing changed.' })
  @ApiProblems(400, 404, 409, 422, 503)
  async checkIn(
    @UuidParam('eventId') eventId: string,
    @Body() body: CheckInDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckInResultDto> {
    const answer = await this.checkIns.checkIn(eventId, body, actor);
    void reply.status(answer.created ? 201 : 200);
    return answer.body;
  }

  /**
   * Upload the scans a device took offline.
   *
   * @remarks Each scan carries the device's `clientScanId` and `scannedAt`; they are recorded in
   * the order sent and answered one by one (`recorded`, `already_recorded`, `replayed` or
   * `refused` with the problem). Replaying the batch, whole or in part, records nothing twice.
   * Only a malformed batch is a 400.
   */
  @Post('batch')
  @HttpCode(200)
  @AnyStaff()
  @ApiProblems(400, 404, 503)
  checkInBatch(
    @UuidParam('eventId') eventId: string,
    @Body() body: CheckInBatchDto,
    @CurrentActor() actor: Actor,
  ): Promise<CheckInBatchResultDto> {
    return this.checkIns.checkInBatch(eventId, body, actor);
  }
}

/** Statuses set by hand, and the chain that makes the attendance records tamper-evident. */
@ApiTags(ApiTag.Attendance)
@Controller('events/:eventId/attendance')
export class AttendanceStatusController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly chain: AttendanceChainService,
  ) {}

  /**
   * Set a delegate's status for a day: `hadir`, `izin`, `diwakili` (with `representativeName`)
   * or `tidak_hadir`.
   *
   * @remarks Organizers and administrators only. Recorded as an entry of the chain, with who set
   * it; `changed` is false when the day had that status already.
   */
  @Put('days/:day/registrations/:registrationId')
  @Organizers()
  @ApiProblems(400, 404, 409, 422, 503)
  setStatus(
    @UuidParam('eventId') eventId: string,
    @LocalDateParam('day') day: string,
    @UuidParam('registrationId') registrationId: string,
    @Body() body: SetAttendanceStatusDto,
    @CurrentActor() actor: Actor,
  ): Promise<AttendanceDayDto> {
    return this.checkIns.setStatus(eventId, registrationId, day, body, actor);
  }

  /**
   * Verify the attendance chain: every entry's hash, and the stored head.
   *
   * @remarks With `?head=` (the chain head an export stated), also whether the chain still
   * contains it: an export's records were not edited afterwards when the chain is valid and
   * holds its head.
   */
  @Get('chain')
  @AnyStaff()
  @ApiProblems(400, 404)
  verifyChain(
    @UuidParam('eventId') eventId: string,
    @Query() query: ChainQueryDto,
  ): Promise<ChainVerificationDto> {
    return this.chain.verify(eventId, query.head);
  }
}
