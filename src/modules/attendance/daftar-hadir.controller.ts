import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { type Actor, AnyStaff, CurrentActor } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { sendRendered } from '../../common/http/rendered-answer';
import {
  DAFTAR_HADIR_MEDIA_TYPES,
  type DaftarHadirExport,
  DaftarHadirService,
} from './daftar-hadir.service';
import { DaftarHadirQueryDto, DaftarHadirRowDto } from './dto/daftar-hadir.dto';

/** The response headers that state the attendance chain a list was read at. */
export const CHAIN_HEAD_HEADER = 'Rakor-Attendance-Chain-Head';
export const CHAIN_LENGTH_HEADER = 'Rakor-Attendance-Chain-Length';

/** The daftar hadir (attendance list), to print and sign or to hand on. */
@ApiTags(ApiTag.Attendance)
@Controller('events/:eventId/attendance')
export class DaftarHadirController {
  constructor(private readonly daftarHadir: DaftarHadirService) {}

  /**
   * The daftar hadir of a day or a session, as CSV, XLSX, PDF or JSON.
   *
   * @remarks Every confirmed delegate the filters select, by organization then name, numbered:
   * No, Nama (with titles), NIP, Jabatan, Instansi, Telepon (whole for administrators and
   * organizers, masked for other staff), Jam Hadir (the check-in on the event's clock, "08.12")
   * and Status (empty while nothing is recorded); XLSX and PDF add an empty Tanda Tangan column to
   * sign in. `date` is the day (required unless `sessionId` is given); with `sessionId`, the
   * session's check-ins, listing those who chose the session when anyone did. JSON is an array of
   * rows. Streamed, whatever the length. The `Rakor-Attendance-Chain-Head` and
   * `-Length` headers (and a line in the XLSX and PDF) state the attendance chain the list was
   * read at, to check later with `GET …/attendance/chain?head=`. 422 DAY_OUTSIDE_EVENT or
   * SESSION_NOT_ON_DAY; 404 for an unknown event, session or organization.
   */
  @Get()
  @AnyStaff()
  @ApiDaftarHadirOutput()
  @ApiProblems(400, 404, 422)
  async exportDaftarHadir(
    @UuidParam('eventId') eventId: string,
    @Query() query: DaftarHadirQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    return send(reply, await this.daftarHadir.exportDaftarHadir(eventId, query, actor));
  }
}

/** Sets the export's headers, the chain it was read at among them, and returns its body. */
function send(reply: FastifyReply, output: DaftarHadirExport): Readable {
  void reply.header(CHAIN_HEAD_HEADER, output.chain.head);
  void reply.header(CHAIN_LENGTH_HEADER, String(output.chain.length));
  return sendRendered(reply, {
    body: output.body,
    contentType: output.contentType,
    disposition: output.fileName ? `attachment; filename="${output.fileName}"` : null,
  });
}

/** The list's formats in the OpenAPI document: one response, four media types, two headers. */
function ApiDaftarHadirOutput(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(DaftarHadirRowDto),
    ApiProduces(...Object.values(DAFTAR_HADIR_MEDIA_TYPES)),
    ApiOkResponse({
      description: 'The daftar hadir, in the format asked for.',
      headers: {
        [CHAIN_HEAD_HEADER]: {
          description:
            'The attendance chain head the list was read at (64 zeros before any entry).',
          schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
        [CHAIN_LENGTH_HEADER]: {
          description: 'How many entries the chain had then.',
          schema: { type: 'integer', minimum: 0 },
        },
        'Content-Disposition': {
          description:
            'For CSV, XLSX and PDF: `attachment; filename="daftar-hadir-<slug>-<date>.<ext>"`.',
          schema: { type: 'string' },
        },
      },
      content: {
        [DAFTAR_HADIR_MEDIA_TYPES.json]: {
          schema: { type: 'array', items: { $ref: getSchemaPath(DaftarHadirRowDto) } },
        },
        [DAFTAR_HADIR_MEDIA_TYPES.csv]: {
          schema: { type: 'string', description: 'UTF-8 with a byte-order mark; a header line' },
        },
        [DAFTAR_HADIR_MEDIA_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
        [DAFTAR_HADIR_MEDIA_TYPES.pdf]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
}
