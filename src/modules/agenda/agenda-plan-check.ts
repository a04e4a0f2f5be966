import { formatInZone, parseZonedTimestamp } from '../../common/time/zoned-time';
import type { EventEntity } from '../events/event.entity';
import type { StoredAvailability } from './agenda-plan.entity';
import { AgendaError } from './agenda.errors';
import type { AgendaPlanInputDto } from './dto/agenda-plan.dto';

/**
 * Checks a plan against its event: windows on the event's days, ordering and pinned items among
 * its items, complete coffee-break rules, known people with spans that end after they start.
 * Returns the availability as stored (ISO with the event's offset); throws the first problem,
 * naming its field.
 */
export function checkPlan(
  event: Pick<EventEntity, 'startDate' | 'endDate' | 'timeZone'>,
  input: AgendaPlanInputDto,
  sessionIds: ReadonlySet<string>,
  knownPeople: ReadonlySet<string>,
): StoredAvailability[] {
  input.dayWindows.forEach((window, index) => {
    if (window.date < event.startDate || window.date > event.endDate) {
      throw new AgendaError(
        'PLAN_OUTSIDE_EVENT_DAYS',
        `${window.date} is not one of the event's days (${event.startDate} to ${event.endDate}).`,
        `dayWindows[${index}].date`,
      );
    }
  });
  const { coffeeBreakMinutes, coffeeBreakAfterMinutes, ishoma } = input.breakRules;
  if ((coffeeBreakMinutes === undefined) !== (coffeeBreakAfterMinutes === undefined)) {
    const missing =
      coffeeBreakMinutes === undefined ? 'coffeeBreakMinutes' : 'coffeeBreakAfterMinutes';
    throw new AgendaError(
      'PLAN_INCOMPLETE_BREAK_RULE',
      'A coffee break needs both its length (coffeeBreakMinutes) and when it is due (coffeeBreakAfterMinutes).',
      `breakRules.${missing}`,
    );
  }
  if (ishoma && ishoma.to !== '24:00' && ishoma.to <= ishoma.from) {
    throw new AgendaError(
      'PLAN_INVALID_TIME',
      `ISHOMA must end after it starts (${ishoma.from}–${ishoma.to}).`,
      'breakRules.ishoma.to',
    );
  }
  const requireSession = (id: string, field: string) => {
    if (!sessionIds.has(id)) {
      throw new AgendaError(
        'PLAN_UNKNOWN_SESSION',
        `The event has no item with the id ${id}.`,
        field,
      );
    }
  };
  input.ordering.forEach((constraint, index) => {
    requireSession(constraint.before, `ordering[${index}].before`);
    requireSession(constraint.after, `ordering[${index}].after`);
    if (constraint.before === constraint.after) {
      throw new AgendaError(
        'PLAN_ORDERING_SELF',
        'An item cannot come before or after itself.',
        `ordering[${index}].after`,
      );
    }
  });
  input.pinnedSessionIds.forEach((id, index) => requireSession(id, `pinnedSessionIds[${index}]`));
  return input.availability.map((span, index) => {
    if (!knownPeople.has(span.personId)) {
      throw new AgendaError(
        'PLAN_UNKNOWN_PERSON',
        `There is no person with the id ${span.personId}.`,
        `availability[${index}].personId`,
      );
    }
    const from = parseZonedTimestamp(span.from, event.timeZone);
    const to = parseZonedTimestamp(span.to, event.timeZone);
    if (!from) throw invalidTime(span.from, `availability[${index}].from`);
    if (!to) throw invalidTime(span.to, `availability[${index}].to`);
    if (to <= from) {
      throw new AgendaError(
        'PLAN_INVALID_TIME',
        `The span must end after it starts (${span.from} to ${span.to}).`,
        `availability[${index}].to`,
      );
    }
    return {
      personId: span.personId,
      from: formatInZone(from, event.timeZone),
      to: formatInZone(to, event.timeZone),
    };
  });
}

function invalidTime(text: string, field: string): AgendaError {
  return new AgendaError('PLAN_INVALID_TIME', `${text} is not a time in the event's zone.`, field);
}
