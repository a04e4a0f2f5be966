import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AGENDA_MEDIA_TYPES, type AgendaFormat, negotiateAgendaFormat } from './agenda-format';
import { AgendaError } from './agenda.errors';
import { toAgendaDto } from './agenda.mapper';
import { AgendaDto, type AgendaFormatQueryDto } from './dto/agenda.dto';
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { renderIcs } from './render/ics';
import { renderPdf } from './render/pdf';
import { sendRendered } from '../../common/http/rendered-answer';
import type { Rundown } from './render/rundown';

/** A rendered agenda: the body and how to send it. */
export interface AgendaOutput {
  body: AgendaDto | string | Buffer;
  contentType: string;
  /** Suggested file name; null for JSON, which is shown rather than saved. */
  fileName: string | null;
}

const CHARSET: Partial<Record<AgendaFormat, string>> = {
  ics: '; charset=utf-8',
  html: '; charset=utf-8',
  csv: '; charset=utf-8; header=present',
};

/** The rundown in the asked format, with its media type and a file name for downloads. */
export async function renderAgenda(rundown: Rundown, format: AgendaFormat): Promise<AgendaOutput> {
  const contentType = `${AGENDA_MEDIA_TYPES[format]}${CHARSET[format] ?? ''}`;
  const fileName = format === 'json' ? null : `${fileStem(rundown)}.${format}`;
  switch (format) {
    case 'json':
      return { body: toAgendaDto(rundown), contentType, fileName };
    case 'ics':
      return { body: renderIcs(rundown, {}), contentType, fileName };
    case 'pdf':
      return { body: await renderPdf(rundown), contentType, fileName };
    case 'html':
      return { body: renderHtml(rundown), contentType, fileName };
    case 'csv':
      return { body: renderCsv(rundown), contentType, fileName };
  }
}

/** "susunan-acara-workshop-kehumasan-2022-v2", "-draf" for the working agenda. */
function fileStem(rundown: Rundown): string {
  const version = rundown.version === null ? 'draf' : `v${rundown.version}`;
  const person = rundown.person ? `-${rundown.person.id.slice(0, 8)}` : '';
  return `susunan-acara-${rundown.event.slug}${person}-${version}`;
}

/**
 * Sends a rundown in the format `?format=` or the Accept header asks for (else `fallback`),
 * checking the format before anything is read.
 */
export async function answer(
  reply: FastifyReply,
  query: AgendaFormatQueryDto,
  accept: string | undefined,
  fallback: AgendaFormat,
  rundown: () => Promise<Rundown>,
): Promise<unknown> {
  const format = query.format ?? negotiateAgendaFormat(accept, fallback);
  if (!format) {
    throw new AgendaError(
      'AGENDA_FORMAT_NOT_ACCEPTABLE',
      `The agenda is available as ${Object.values(AGENDA_MEDIA_TYPES).join(', ')}; the Accept header allows none of them. Or ask with ?format=.`,
      'format',
    );
  }
  const output = await renderAgenda(await rundown(), format);
  void reply.header('vary', 'Accept');
  return sendRendered(reply, {
    body: output.body,
    contentType: output.contentType,
    disposition: output.fileName ? `inline; filename="${output.fileName}"` : null,
  });
}

/** The agenda's formats in the OpenAPI document: one response, five media types. */
export function ApiAgendaOutput(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(AgendaDto),
    ApiProduces(...Object.values(AGENDA_MEDIA_TYPES)),
    ApiOkResponse({
      description: 'The rundown, in the format asked for.',
      content: {
        [AGENDA_MEDIA_TYPES.json]: { schema: { $ref: getSchemaPath(AgendaDto) } },
        [AGENDA_MEDIA_TYPES.ics]: {
          schema: { type: 'string', description: 'iCalendar (RFC 5545)' },
        },
        [AGENDA_MEDIA_TYPES.pdf]: { schema: { type: 'string', format: 'binary' } },
        [AGENDA_MEDIA_TYPES.html]: { schema: { type: 'string' } },
        [AGENDA_MEDIA_TYPES.csv]: { schema: { type: 'string' } },
      },
    }),
  );
}
