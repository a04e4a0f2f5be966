import { PassThrough, Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/access.decorator';
import { ReadSnapshot } from '../../database/read-snapshot';
import { formatLongDay } from '../agenda/domain/indonesian-format';
import { eventNotFound } from '../events/events.errors';
import { AttendanceError } from './attendance.errors';
import { chainHeadOf } from './attendance.repository';
import {
  bindParameters,
  daftarHadirCsvSql,
  daftarHadirHeaderSql,
  type DaftarHadirHeaderSqlRow,
  daftarHadirRowsSql,
  type DaftarHadirScope,
  type DaftarHadirSqlRow,
  type SqlValue,
} from './daftar-hadir.query';
import type {
  DaftarHadirFormat,
  DaftarHadirQueryDto,
  DaftarHadirRowDto,
} from './dto/daftar-hadir.dto';
import {
  DAFTAR_HADIR_DATA_COLUMNS,
  type DaftarHadirHeader,
  type DaftarHadirRow,
} from './render/daftar-hadir';
import { writeDaftarHadirPdf } from './render/daftar-hadir-pdf';
import { writeDaftarHadirXlsx } from './render/daftar-hadir-xlsx';

/** The media type of each format. */
export const DAFTAR_HADIR_MEDIA_TYPES: Readonly<Record<DaftarHadirFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
};

/** The Content-Type header of each format: text as UTF-8. */
const CONTENT_TYPES: Readonly<Record<DaftarHadirFormat, string>> = {
  csv: `${DAFTAR_HADIR_MEDIA_TYPES.csv}; charset=utf-8`,
  xlsx: DAFTAR_HADIR_MEDIA_TYPES.xlsx,
  pdf: DAFTAR_HADIR_MEDIA_TYPES.pdf,
  json: `${DAFTAR_HADIR_MEDIA_TYPES.json}; charset=utf-8`,
};

/** Excel reads a CSV as UTF-8 only after a byte-order mark. */
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Rows per chunk of CSV written in JavaScript. */
const CSV_ROWS_PER_CHUNK = 500;

/** A daftar hadir on its way out: the bytes as they are written, and how to send them. */
export interface DaftarHadirExport {
  body: Readable;
  contentType: string;
  /** Suggested file name; null for JSON. */
  fileName: string | null;
  /** The attendance chain the list was read at. */
  chain: { head: string; length: number };
}

/**
 * The daftar hadir (attendance list) of a day or a session, streamed from one read snapshot:
 * the header, the chain head it states and the rows all see the same committed attendance, and
 * the rows come through a cursor (or PostgreSQL's COPY, for CSV) so that memory stays flat
 * whatever the length. The snapshot is closed when the body ends, fails, or its reader goes away.
 */
@Injectable()
export class DaftarHadirService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportDaftarHadir(
    eventId: string,
    query: DaftarHadirQueryDto,
    actor: Actor,
  ): Promise<DaftarHadirExport> {
    const format = query.format ?? 'json';
    // The request's one connection: every read below goes through it, none before or beside it.
    const snapshot = await ReadSnapshot.open(this.dataSource);
    try {
      const target = await this.readTarget(snapshot, eventId, query, actor);
      const fileName =
        format === 'json' ? null : `daftar-hadir-${target.slug}-${target.scope.day}.${format}`;
      return {
        body: openBody(snapshot, format, target.scope, target.header),
        contentType: CONTENT_TYPES[format],
        fileName,
        chain: target.chain,
      };
    } catch (error) {
      await snapshot.close();
      throw error;
    }
  }

  /** The event, the day and what the header says, or the problem with the request. */
  private async readTarget(
    snapshot: ReadSnapshot,
    eventId: string,
    query: DaftarHadirQueryDto,
    actor: Actor,
  ): Promise<{
    slug: string;
    scope: DaftarHadirScope;
    header: DaftarHadirHeader;
    chain: { head: string; length: number };
  }> {
    const sessionId = query.sessionId ?? null;
    const organizationId = query.organizationId ?? null;
    const parameters = bindParameters();
    const [event] = await snapshot.query<DaftarHadirHeaderSqlRow>(
      daftarHadirHeaderSql({ eventId, sessionId, organizationId }, parameters.value),
      parameters.values,
    );
    if (!event) throw eventNotFound(eventId);
    const day = requireDay(event, query);
    if (organizationId !== null && event.organization_name === null) {
      throw new AttendanceError(
        'ORGANIZATION_NOT_FOUND',
        `No organization has the id ${organizationId}.`,
        [{ field: 'organizationId', message: 'organizationId names no organization' }],
      );
    }
    const chain = chainHeadOf(event.chain_length, event.chain_head);
    const scopeLabels = [
      sessionId !== null ? `Sesi: ${event.session_title ?? ''}` : null,
      event.organization_name !== null ? `Instansi: ${event.organization_name}` : null,
      query.reportingGroup !== undefined ? `Kelompok: ${query.reportingGroup}` : null,
    ].filter((label) => label !== null);
    const venue = [event.venue_name, event.venue_city].filter((part) => part !== null).join(', ');
    return {
      slug: event.slug,
      chain,
      scope: {
        eventId,
        day,
        sessionId,
        organizationId,
        reportingGroup: query.reportingGroup ?? null,
        wholePhone: actor.role === 'admin' || actor.role === 'organizer',
      },
      header: {
        eventTitle: event.title,
        dayLabel: formatLongDay(day, 'id'),
        venue: venue === '' ? null : venue,
        scopeLabel: scopeLabels.length > 0 ? scopeLabels.join(' · ') : null,
        chain,
      },
    };
  }
}

/** The day the list is of: the one asked for, or the session's, on one of the event's days. */
function requireDay(event: DaftarHadirHeaderSqlRow, query: DaftarHadirQueryDto): string {
  let day = query.date;
  if (query.sessionId !== undefined) {
    if (!event.session_found) {
      throw new AttendanceError(
        'SESSION_NOT_FOUND',
        `The event has no session ${query.sessionId}.`,
        [{ field: 'sessionId', message: 'sessionId names no session of this event' }],
      );
    }
    if (event.session_day === null || (day !== undefined && event.session_day !== day)) {
      throw new AttendanceError(
        'SESSION_NOT_ON_DAY',
        event.session_day === null
          ? `The session ${query.sessionId} is not scheduled yet, so it has no attendance list.`
          : `The session ${query.sessionId} is on ${event.session_day}, not on ${day ?? ''}.`,
        [
          { field: 'sessionId', message: `sessionId is not a session of ${day ?? 'a day'}` },
          ...(day === undefined ? [] : [{ field: 'date', message: 'date is not the session day' }]),
        ],
      );
    }
    day = event.session_day;
  }
  // The DTO requires a date when there is no session.
  if (day === undefined) throw new Error('no day for the daftar hadir');
  if (day < event.start_date || day > event.end_date) {
    throw new AttendanceError(
      'DAY_OUTSIDE_EVENT',
      `${day} is not a day of the event (${event.start_date} to ${event.end_date}).`,
      [{ field: 'date', message: "date is outside the event's days" }],
    );
  }
  return day;
}

/** The body in the format asked for; it closes the snapshot when it ends, fails or is dropped. */
function openBody(
  snapshot: ReadSnapshot,
  format: DaftarHadirFormat,
  scope: DaftarHadirScope,
  header: DaftarHadirHeader,
): Readable {
  switch (format) {
    case 'csv':
      return generated(snapshot, csvChunks(snapshot, scope));
    case 'json':
      return generated(snapshot, jsonChunks(snapshot, scope));
    case 'xlsx':
      return written(snapshot, (output) =>
        writeDaftarHadirXlsx(header, listRows(snapshot, scope), output),
      );
    case 'pdf':
      return written(snapshot, (output) =>
        writeDaftarHadirPdf(header, listRows(snapshot, scope), output),
      );
  }
}

/** The rows of the list as the query gives them, through a cursor. */
function sqlRows(
  snapshot: ReadSnapshot,
  scope: DaftarHadirScope,
): AsyncGenerator<DaftarHadirSqlRow> {
  const parameters = bindParameters();
  return snapshot.rows<DaftarHadirSqlRow>(
    daftarHadirRowsSql(scope, parameters.value),
    parameters.values,
  );
}

/** The rows of the list, as the writers take them. */
async function* listRows(
  snapshot: ReadSnapshot,
  scope: DaftarHadirScope,
): AsyncGenerator<DaftarHadirRow> {
  for await (const row of sqlRows(snapshot, scope)) {
    yield { ...toRowDto(row), organization: row.organization ?? '' };
  }
}

function toRowDto(row: DaftarHadirSqlRow): DaftarHadirRowDto {
  return {
    no: row.no,
    displayName: row.display_name,
    nip: row.nip,
    position: row.position,
    organization: row.organization,
    phone: row.phone,
    checkedInAt: row.checked_in_at,
    status: row.status,
  };
}

/**
 * A generator's chunks as a stream to send. The generator closes the snapshot when it ends, fails
 * or is stopped; closing the stream closes it too, in case it goes before the generator started.
 */
function generated(snapshot: ReadSnapshot, chunks: AsyncGenerator<Buffer | string>): Readable {
  const body = Readable.from(chunks, { objectMode: false });
  body.once('close', () => void snapshot.close().catch(() => undefined));
  return body;
}

/** A writer's output as a stream to send, the snapshot closed once the writer is done. */
function written(snapshot: ReadSnapshot, write: (output: Writable) => Promise<void>): Readable {
  const output = new PassThrough();
  void (async () => {
    try {
      await write(output);
      output.end();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await snapshot.close().catch(() => undefined);
    }
  })();
  return output;
}

/** The list as a JSON array of `DaftarHadirRowDto`, one row at a time. */
async function* jsonChunks(
  snapshot: ReadSnapshot,
  scope: DaftarHadirScope,
): AsyncGenerator<string> {
  try {
    let separator = '[';
    for await (const row of sqlRows(snapshot, scope)) {
      yield `${separator}${JSON.stringify(toRowDto(row))}`;
      separator = ',\n';
    }
    yield separator === '[' ? '[]\n' : ']\n';
  } finally {
    await snapshot.close();
  }
}

/**
 * The list as CSV after a byte-order mark, with a header line: written by PostgreSQL itself
 * (`COPY … TO STDOUT`) over a server's connection, else by `csv-stringify` from a cursor a batch
 * at a time, with the same quoting (only fields holding a comma, a quote or a line break), empty
 * fields for NULL and `\n` line ends, so that both give the same bytes.
 */
async function* csvChunks(snapshot: ReadSnapshot, scope: DaftarHadirScope): AsyncGenerator<Buffer> {
  try {
    yield UTF8_BOM;
    if (snapshot.canCopy) {
      yield* copyCsv(snapshot, daftarHadirCsvSql(scope, literals(snapshot)));
      return;
    }
    const parameters = bindParameters();
    const sql = daftarHadirCsvSql(scope, parameters.value);
    let batch: unknown[][] = [[...DAFTAR_HADIR_DATA_COLUMNS]];
    for await (const row of snapshot.rows<Record<string, unknown>>(sql, parameters.values)) {
      batch.push(DAFTAR_HADIR_DATA_COLUMNS.map((column) => row[column]));
      if (batch.length >= CSV_ROWS_PER_CHUNK) {
        yield csvText(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield csvText(batch);
  } finally {
    await snapshot.close();
  }
}

function csvText(records: unknown[][]): Buffer {
  return Buffer.from(stringify(records, { record_delimiter: 'unix' }), 'utf8');
}

/**
 * The bytes of `COPY (sql) TO STDOUT` in CSV with a header. When the reader goes away part way,
 * the rest is drained rather than dropped, since the connection stays busy until the COPY ends.
 */
async function* copyCsv(snapshot: ReadSnapshot, sql: string): AsyncGenerator<Buffer> {
  const copy = snapshot.copyOut(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`);
  if (!copy) throw new Error('COPY is not available on this connection');
  try {
    for await (const chunk of copy.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
  } finally {
    if (!copy.readableEnded && !copy.destroyed) {
      copy.resume();
      await finished(copy).catch(() => undefined);
    }
  }
}

/** Values written into the statement as literals, for COPY, which takes no bind parameters. */
function literals(snapshot: ReadSnapshot): SqlValue {
  return (value) => snapshot.literal(value);
}
