import { AGENDA_MEDIA_TYPES, type AgendaFormat } from './agenda-format';
import { toAgendaDto } from './agenda.mapper';
import type { AgendaDto } from './dto/agenda.dto';
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { renderIcs } from './render/ics';
import { renderPdf } from './render/pdf';
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
