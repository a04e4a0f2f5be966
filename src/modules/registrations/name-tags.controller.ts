import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AnyStaff } from '../../common/access/access.decorator';
import { sendRendered } from '../../common/http/rendered-answer';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { RegistrationsService } from './registrations.service';

export class NameTagsQueryDto {
  /** Only this delegation's delegates. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  invitationId?: string;
}

/** Printable name tags (tanda pengenal). */
@ApiTags(ApiTag.Registrations)
@Controller('events/:eventId/name-tags')
export class NameTagsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /**
   * Name tags of the confirmed delegates as an A4 PDF: name with titles, organization, position,
   * a coloured role band, and the QR code of the registration code, by organization then name.
   */
  @Get()
  @AnyStaff()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 404)
  async getNameTags(
    @UuidParam('eventId') eventId: string,
    @Query() query: NameTagsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendRendered(reply, {
      body: await this.registrations.nameTags(eventId, query.invitationId),
      contentType: 'application/pdf',
      disposition: `inline; filename="tanda-pengenal-${eventId}.pdf"`,
    });
  }
}
