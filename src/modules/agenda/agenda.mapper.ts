import { formatInZone } from '../../common/time/zoned-time';
import type { AgendaPlanEntity } from './agenda-plan.entity';
import type { AgendaVersionEntity } from './agenda-version.entity';
import { type Conflict, isHardConflict } from './domain/conflicts';
import type { PublishedItem } from './domain/published-item';
import { diffVersions } from './domain/version-diff';
import type { AgendaConflictDto, AgendaConflictsDto } from './dto/agenda-conflicts.dto';
import type { AgendaPlanDto } from './dto/agenda-plan.dto';
import type { AgendaVersionDto } from './dto/agenda-version.dto';
import type { AgendaDto, AgendaItemDto } from './dto/agenda.dto';
import type { Rundown } from './render/rundown';

const MINUTE = 60_000;

export function toConflictDto(conflict: Conflict): AgendaConflictDto {
  return {
    kind: conflict.kind,
    severity: conflict.severity,
    itemIds: conflict.itemIds,
    personIds: conflict.personIds,
    organizationIds: conflict.organizationIds,
    roomId: 'roomId' in conflict ? conflict.roomId : null,
    message: conflict.message,
  };
}

export function toConflictsDto(conflicts: readonly Conflict[]): AgendaConflictsDto {
  const errors = conflicts.filter(isHardConflict).length;
  return { conflicts: conflicts.map(toConflictDto), errors, warnings: conflicts.length - errors };
}

/** An item with its times in the event's zone, with the zone's offset. */
export function toItemDto(item: PublishedItem, timeZone: string): AgendaItemDto {
  const at = (instant: number | null) =>
    instant === null ? null : formatInZone(new Date(instant), timeZone);
  return {
    id: item.id,
    title: item.title,
    type: item.type,
    description: item.description,
    day: item.day,
    startsAt: at(item.start),
    endsAt: at(item.end),
    durationMinutes: item.durationMinutes,
    roomId: item.roomId,
    roomName: item.roomName,
    track: item.track,
    holders: item.holders.map((holder) => ({
      role: holder.role,
      name: holder.name,
      personId: holder.personId,
      organizationId: holder.organizationId,
    })),
    sequence: item.sequence,
  };
}

export function toAgendaDto(rundown: Rundown): AgendaDto {
  const zone = rundown.event.timeZone;
  return {
    event: rundown.event,
    version: rundown.version,
    asOf: formatInZone(new Date(rundown.asOf), zone),
    person: rundown.person,
    items: rundown.items.map((item) =>
      toItemDto(
        {
          ...item,
          durationMinutes: Math.round((item.end - item.start) / MINUTE),
        },
        zone,
      ),
    ),
  };
}

/** A version with its change counts against the one before it (none for version 1). */
export function toVersionDto(
  version: AgendaVersionEntity,
  previous: readonly PublishedItem[],
): AgendaVersionDto {
  const changes = { added: 0, moved: 0, changed: 0, cancelled: 0 };
  for (const change of diffVersions(previous, version.items)) changes[change.kind] += 1;
  return {
    number: version.number,
    publishedAt: formatInZone(version.publishedAt, version.eventSnapshot.timeZone),
    publishedBy: version.publishedBy,
    note: version.note,
    itemCount: version.items.length,
    acknowledgedConflicts: version.acknowledgedConflicts,
    changes,
  };
}

/** The plan with availability in the event's zone; an event without one has an empty plan. */
export function toPlanDto(timeZone: string, plan: AgendaPlanEntity | null): AgendaPlanDto {
  return {
    dayWindows: plan?.dayWindows ?? [],
    breakRules: plan?.breakRules ?? {},
    ordering: plan?.ordering ?? [],
    pinnedSessionIds: plan?.pinnedSessionIds ?? [],
    availability: (plan?.availability ?? []).map((span) => ({
      personId: span.personId,
      from: formatInZone(new Date(span.from), timeZone),
      to: formatInZone(new Date(span.to), timeZone),
    })),
    updatedAt: plan ? plan.updatedAt.toISOString() : null,
  };
}
