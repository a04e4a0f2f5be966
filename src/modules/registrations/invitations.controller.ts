import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnyStaff, Organizers } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import {
  type BulkInvitationResultDto,
  BulkInviteDto,
  CreateInvitationDto,
  type InvitationDto,
  type InvitationPageDto,
  type IssuedInvitationDto,
  ListInvitationsQueryDto,
  UpdateInvitationDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

/** The delegations invited to an event. */
@ApiTags(ApiTag.Invitations)
@Controller('events/:eventId/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** List the event's delegations in catalog order, with their seats. */
  @Get()
  @AnyStaff()
  @ApiProblems(400, 404)
  listInvitations(
    @UuidParam('eventId') eventId: string,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<InvitationPageDto> {
    return this.invitations.listInvitations(eventId, query);
  }

  /**
   * Invite one organization.
   *
   * @remarks The answer carries the delegation's token, this once: Rakor stores only its hash.
   * The organization must be valid on the event's first day; inviting it twice is a 409.
   */
  @Post()
  @Organizers()
  @ApiProblems(400, 404, 409)
  createInvitation(
    @UuidParam('eventId') eventId: string,
    @Body() body: CreateInvitationDto,
  ): Promise<IssuedInvitationDto> {
    return this.invitations.createInvitation(eventId, body);
  }

  /**
   * Invite many organizations: those named, and those of a kind or group valid on the event's
   * first day (every province of the time, say).
   *
   * @remarks Organizations invited already are listed and left as they are; the new delegations
   * come with their tokens, this once.
   */
  @Post('bulk')
  @Organizers()
  @ApiProblems(400, 404, 409)
  bulkInvite(
    @UuidParam('eventId') eventId: string,
    @Body() body: BulkInviteDto,
  ): Promise<BulkInvitationResultDto> {
    return this.invitations.bulkInvite(eventId, body);
  }

  /** One delegation. */
  @Get(':invitationId')
  @AnyStaff()
  @ApiProblems(400, 404)
  getInvitation(
    @UuidParam('eventId') eventId: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.getInvitation(eventId, invitationId);
  }

  /**
   * Change a delegation's seat quota or focal point.
   *
   * @remarks Raising the quota seats the delegation's waitlisted delegates in order, at once; it
   * cannot go below the seats held.
   */
  @Patch(':invitationId')
  @Organizers()
  @ApiProblems(400, 404, 409)
  updateInvitation(
    @UuidParam('eventId') eventId: string,
    @UuidParam('invitationId') invitationId: string,
    @Body() body: UpdateInvitationDto,
  ): Promise<InvitationDto> {
    return this.invitations.updateInvitation(eventId, invitationId, body);
  }

  /** Revoke the delegation's token: it registers nobody more. Its registrations stay. */
  @Post(':invitationId/revoke')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409)
  revokeInvitation(
    @UuidParam('eventId') eventId: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revokeInvitation(eventId, invitationId);
  }

  /** Issue a new token (the old one stops working); a revoked delegation is active again. */
  @Post(':invitationId/token')
  @HttpCode(200)
  @Organizers()
  @ApiProblems(400, 404, 409)
  reissueInvitationToken(
    @UuidParam('eventId') eventId: string,
    @UuidParam('invitationId') invitationId: string,
  ): Promise<IssuedInvitationDto> {
    return this.invitations.reissueToken(eventId, invitationId);
  }
}
