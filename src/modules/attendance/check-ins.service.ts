import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/problem/domain-error';
import { RequestValidationError } from '../../common/problem/problem-details';
import { localDateOf, timeZoneLabelOn } from '../../common/time/zoned-time';
import { isLockTimeout } from '../../database/database-errors';
import { formatClock } from '../agenda/domain/indonesian-format';
import { eventNotFound } from '../events/events.errors';
import { parseRegistrationCode } from '../registrations/domain/registration-code';
import { hashSecret } from '../registrations/domain/secret-token';
import type { Actor } from '../../common/access/access.decorator';
import { AttendanceError } from './attendance.errors';
import {
  AttendanceRepository,
  type EntryRequest,
  type EntryResult,
  type ScanKey,
  type ScanTarget,
  type StoredEntry,
} from './attendance.repository';
import type { AttendanceAction, CheckInMethod } from './domain/attendance';
import { validateStatusChange } from './domain/attendance';
import { readScanPayload } from './domain/scan-payload';
import type {
  AttendanceDayDto,
  AttendanceEntryDto,
  BatchScanResultDto,
  CheckInBatchDto,
  CheckInBatchResultDto,
  CheckInDto,
  CheckInResultDto,
  ScanTargetDto,
  SetAttendanceStatusDto,
} from './dto/check-in.dto';

/** How far ahead of the server's clock a device's scan time may be: clocks drift. */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** A scan, online or from an offline batch, with what the service fills in. */
interface Scan {
  target: ScanTargetDto;
  /** Index path of the scan's fields in the request: "" for a single scan, "scans[3]." in a batch. */
  path: string;
  clientScanId: string | null;
  occurredAt: Date;
}

/** A recorded scan: whether it is new, and the answer. */
export interface CheckInAnswer {
  created: boolean;
  body: CheckInResultDto;
}

/**
 * Check-ins at the door and in session rooms, offline batches, and statuses set by organizers.
 * Every entry goes through `record_attendance`, which settles repeats in the database: concurrent
 * scans of one code record one check-in, a replayed scan is found by its client id.
 */
@Injectable()
export class CheckInsService {
  constructor(private readonly attendance: AttendanceRepository) {}

  /** One scan, now. A repeat is answered with the first check-in and changes nothing. */
  async checkIn(
    eventId: string,
    input: CheckInDto,
    actor: Pick<Actor, 'id'>,
  ): Promise<CheckInAnswer> {
    return this.scan(
      eventId,
      { target: input, path: '', clientScanId: input.clientScanId ?? null, occurredAt: new Date() },
      actor,
    );
  }

  /**
   * The scans a device took offline, one after another in the order sent, each answered on its
   * own: a scan that cannot be recorded is `refused` with the problem it would have been, and the
   * others go on. Sending the batch again, whole or in part, records nothing twice.
   */
  async checkInBatch(
    eventId: string,
    batch: CheckInBatchDto,
    actor: Pick<Actor, 'id'>,
  ): Promise<CheckInBatchResultDto> {
    const now = Date.now();
    const results: BatchScanResultDto[] = [];
    for (const [index, scan] of batch.scans.entries()) {
      const occurredAt = new Date(scan.scannedAt);
      try {
        if (occurredAt.getTime() > now + CLOCK_TOLERANCE_MS) {
          throw new AttendanceError(
            'SCAN_IN_FUTURE',
            `The scan ${scan.clientScanId} is dated ${scan.scannedAt}, later than the server's clock allows.`,
            [{ field: `scans[${index}].scannedAt`, message: 'scannedAt is in the future' }],
          );
        }
        const answer = await this.scan(
          eventId,
          { target: scan, path: `scans[${index}].`, clientScanId: scan.clientScanId, occurredAt },
          actor,
        );
        results.push({ clientScanId: scan.clientScanId, ...answer.body });
      } catch (error) {
        if (!(error instanceof DomainError) || error.status === 503) throw error;
        if (error.code === 'EVENT_NOT_FOUND') throw error;
        results.push({
          clientScanId: scan.clientScanId,
          outcome: 'refused',
          message: error.detail,
          refusal: {
            code: String(error.code),
            status: error.status,
            detail: error.detail,
            fields: error.errors.map((fieldError) => fieldError.field),
          },
        });
      }
    }
    const count = (outcome: BatchScanResultDto['outcome']) =>
      results.filter((result) => result.outcome === outcome).length;
    return {
      results,
      recorded: count('recorded'),
      alreadyRecorded: count('already_recorded'),
      replayed: count('replayed'),
      refused: count('refused'),
    };
  }

  /**
   * An organizer sets a delegate's status for a day (`diwakili` with the representative's name).
   * The change is an entry of the chain like a scan; setting the status it has already changes
   * nothing.
   */
  async setStatus(
    eventId: string,
    registrationId: string,
    day: string,
    input: SetAttendanceStatusDto,
    actor: Pick<Actor, 'id'>,
  ): Promise<AttendanceDayDto> {
    const representativeName = input.representativeName?.trim() || null;
    const problems = validateStatusChange({ status: input.status, representativeName });
    if (problems.length > 0) throw new RequestValidationError(problems);
    const target = await this.requireTarget(eventId, { registrationId });
    const registration = this.requireRegistration(target, 'registrationId');
    requireEventDay(target, day, 'day');
    const result = await this.record({
      eventId,
      registrationId: registration.id,
      day,
      sessionId: null,
      action: 'status',
      method: 'manual',
      status: input.status,
      representativeName,
      occurredAt: new Date(),
      staffUserId: actor.id,
      clientScanId: null,
    });
    refuseUnless(result, registration.id, '');
    const state = await this.attendance.dayState(registration.id, day);
    if (!state)
      throw new Error(`record_attendance left no day row for ${registration.id} on ${day}`);
    return {
      registrationId: registration.id,
      day,
      status: state.status,
      representativeName: state.representativeName,
      checkedInAt: state.checkedInAt?.toISOString() ?? null,
      checkedOutAt: state.checkedOutAt?.toISOString() ?? null,
      changed: result.outcome === 'recorded',
    };
  }

  private async scan(
    eventId: string,
    scan: Scan,
    actor: Pick<Actor, 'id'>,
  ): Promise<CheckInAnswer> {
    const { key, method } = scanKey(scan.target, scan.path);
    const target = await this.requireTarget(eventId, key);
    const registration = this.requireRegistration(target, keyField(scan.target, scan.path));
    const day = scan.target.day ?? localDateOf(scan.occurredAt, target.timeZone);
    requireEventDay(target, day, `${scan.path}day`);
    const sessionId = scan.target.sessionId ?? null;
    if (sessionId !== null) await this.requireSessionOn(eventId, sessionId, day, scan.path);
    const action: AttendanceAction = scan.target.action ?? 'check_in';
    const result = await this.record({
      eventId,
      registrationId: registration.id,
      day,
      sessionId,
      action,
      method,
      status: null,
      representativeName: null,
      occurredAt: scan.occurredAt,
      staffUserId: actor.id,
      clientScanId: scan.clientScanId,
    });
    const entry = refuseUnless(result, registration.id, scan.path);
    if (!entry) throw new Error('record_attendance left a scan unchanged');
    if (
      result.outcome === 'replayed' &&
      (entry.registrationId !== registration.id ||
        entry.day !== day ||
        entry.sessionId !== sessionId ||
        entry.action !== action)
    ) {
      throw new AttendanceError(
        'CLIENT_SCAN_ID_REUSED',
        `The client scan id ${scan.clientScanId} was recorded for another scan (entry ${entry.position}); give each scan its own id.`,
        [{ field: `${scan.path}clientScanId`, message: 'clientScanId was used for another scan' }],
      );
    }
    const outcome =
      result.outcome === 'recorded'
        ? 'recorded'
        : result.outcome === 'replayed'
          ? 'replayed'
          : 'already_recorded';
    return {
      created: outcome === 'recorded',
      body: {
        outcome,
        message: scanMessage(entry, outcome, target.timeZone),
        registration: {
          id: registration.id,
          code: registration.code,
          displayName: registration.displayName,
          organization: registration.organization,
        },
        entry: toEntryDto(entry, target.timeZone),
      },
    };
  }

  private async requireTarget(eventId: string, key: ScanKey): Promise<ScanTarget> {
    const target = await this.attendance.scanTarget(eventId, key);
    if (!target) throw eventNotFound(eventId);
    return target;
  }

  private requireRegistration(target: ScanTarget, field: string) {
    if (!target.registration) {
      throw new AttendanceError(
        'REGISTRATION_NOT_FOUND',
        'No registration of this event has that code.',
        [{ field, message: `${field} names no registration of this event` }],
      );
    }
    return target.registration;
  }

  private async requireSessionOn(
    eventId: string,
    sessionId: string,
    day: string,
    path: string,
  ): Promise<void> {
    const sessionDay = await this.attendance.sessionDay(eventId, sessionId);
    if (sessionDay === undefined) {
      throw new AttendanceError('SESSION_NOT_FOUND', `The event has no session ${sessionId}.`, [
        { field: `${path}sessionId`, message: 'sessionId names no session of this event' },
      ]);
    }
    if (sessionDay !== day) {
      throw new AttendanceError(
        'SESSION_NOT_ON_DAY',
        sessionDay === null
          ? `The session ${sessionId} is not scheduled yet, so nobody can check in to it.`
          : `The session ${sessionId} is on ${sessionDay}, not on ${day}.`,
        [{ field: `${path}sessionId`, message: `sessionId is not a session of ${day}` }],
      );
    }
  }

  private async record(request: EntryRequest): Promise<EntryResult> {
    try {
      return await this.attendance.record(request);
    } catch (error) {
      if (isLockTimeout(error)) {
        throw new AttendanceError(
          'ATTENDANCE_BUSY',
          'Too many check-ins at once for this event; try again in a moment.',
        );
      }
      throw error;
    }
  }
}

/** Whom the scan names, and how it was taken; a 400 unless exactly one way is given. */
function scanKey(target: ScanTargetDto, path: string): { key: ScanKey; method: CheckInMethod } {
  const given = [target.payload, target.code, target.registrationId].filter(
    (value) => value !== undefined && value !== null,
  );
  if (given.length !== 1) {
    throw new RequestValidationError([
      {
        field: `${path}payload`,
        message: 'give exactly one of payload, code or registrationId',
      },
    ]);
  }
  if (target.registrationId !== undefined) {
    return { key: { registrationId: target.registrationId }, method: 'manual' };
  }
  const fromPayload = target.payload !== undefined;
  const code = fromPayload
    ? readScanPayload(target.payload ?? '')
    : parseRegistrationCode(target.code ?? '');
  if (code === null) {
    const field = `${path}${fromPayload ? 'payload' : 'code'}`;
    throw new AttendanceError(
      'CODE_INVALID',
      fromPayload
        ? 'The scanned QR code holds no registration code: scan it again or type the code.'
        : 'That is not a registration code (12 characters such as 7K3M-Q9TD-2XC); check it for a typo.',
      [{ field, message: `${field} is not a registration code` }],
    );
  }
  return { key: { codeHash: hashSecret(code) }, method: fromPayload ? 'qr' : 'code' };
}

function keyField(target: ScanTargetDto, path: string): string {
  const field =
    target.registrationId !== undefined
      ? 'registrationId'
      : target.payload !== undefined
        ? 'payload'
        : 'code';
  return `${path}${field}`;
}

function requireEventDay(target: ScanTarget, day: string, field: string): void {
  if (day < target.startDate || day > target.endDate) {
    throw new AttendanceError(
      'DAY_OUTSIDE_EVENT',
      `${day} is not a day of the event (${target.startDate} to ${target.endDate}).`,
      [{ field, message: `${field} is outside the event's days` }],
    );
  }
}

/** The entry a result carries (none when a status was unchanged), or the problem a refusal is. */
function refuseUnless(
  result: EntryResult,
  registrationId: string,
  path: string,
): StoredEntry | null {
  switch (result.outcome) {
    case 'not_found':
      throw new AttendanceError(
        'REGISTRATION_NOT_FOUND',
        `The registration ${registrationId} is not one of this event's.`,
      );
    case 'not_confirmed':
      throw new AttendanceError(
        'REGISTRATION_NOT_CONFIRMED',
        `Only confirmed registrations can be checked in; this one is ${result.registrationStatus ?? 'unknown'}.`,
        [],
        { registrationStatus: result.registrationStatus },
      );
    case 'not_checked_in':
      throw new AttendanceError(
        'NOT_CHECKED_IN',
        'The delegate has not checked in that day, so cannot check out.',
        [{ field: `${path}action`, message: 'check_out needs a check-in that day' }],
      );
    case 'unchanged':
      return null;
    case 'recorded':
    case 'already':
    case 'replayed':
      if (!result.entry)
        throw new Error(`record_attendance said ${result.outcome} without an entry`);
      return result.entry;
  }
}

function toEntryDto(entry: StoredEntry, timeZone: string): AttendanceEntryDto {
  return {
    id: entry.id,
    position: entry.position,
    registrationId: entry.registrationId,
    day: entry.day,
    sessionId: entry.sessionId,
    action: entry.action,
    method: entry.method,
    status: entry.status,
    representativeName: entry.representativeName,
    occurredAt: entry.occurredAt.toISOString(),
    localTime: formatClock(entry.occurredAt.getTime(), timeZone, 'id'),
    staffUserId: entry.staffUserId,
    clientScanId: entry.clientScanId,
    hash: entry.hash,
  };
}

/** "Tercatat hadir pukul 08.12 WIB.", "Sudah tercatat pulang pukul 16.05 WIB; tidak ada yang diubah." */
function scanMessage(
  entry: StoredEntry,
  outcome: CheckInResultDto['outcome'],
  timeZone: string,
): string {
  const what = entry.action === 'check_out' ? 'pulang' : 'hadir';
  const where = entry.sessionId === null ? '' : ' di sesi ini';
  const at = `${formatClock(entry.occurredAt.getTime(), timeZone, 'id')} ${timeZoneLabelOn(timeZone, entry.day)}`;
  const representative =
    entry.status === 'diwakili' && entry.representativeName
      ? ` (diwakili oleh ${entry.representativeName})`
      : '';
  return outcome === 'recorded'
    ? `Tercatat ${what}${representative}${where} pukul ${at}.`
    : `Sudah tercatat ${what}${where} pukul ${at}; tidak ada yang diubah.`;
}
