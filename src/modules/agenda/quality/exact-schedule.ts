import type { AgendaItem } from '../domain/agenda-types';
import { scheduleDays, type PlacedItem, type ScheduleInput } from '../domain/generate-schedule';
import { mergeRanges } from '../domain/time-ranges';
import {
  fillsEveryRoom,
  ORDER_PENALTY_MINUTES,
  orderPairs,
  scoreSchedule,
  trackRooms,
  UNPLACED_WEIGHT,
  usableRanges,
  type ScheduleScore,
} from './schedule-objective';

/**
 * The exact optimum of a small instance, for measuring the greedy generator: a time-indexed
 * mixed-integer model solved by HiGHS (the `highs` package, a dev dependency loaded only here and
 * only when called; nothing on the app's path imports this file).
 *
 * Same rules as the greedy: kept items stay; an item starts on a slot of its planned day (any day
 * when none) and lies in the day's windows, outside ISHOMA and within its people's availability;
 * no two items share a room, a person or a team at once, and a plenary or break item has the
 * venue to itself; `ordering` constraints hold. Same objective, `scoreSchedule`: per slot and
 * track a variable `u` that is 1 until the track's last item ends (`u ≥` occupancy, `u` not
 * increasing through the day), so idle minutes are `slot · (Σ usable u − Σ occupancy)`; a binary
 * per program pair that runs backwards; a binary per item left out.
 *
 * Not modelled: coffee breaks (it refuses a context with them; compare with them off). Every
 * instant it reads (windows, ISHOMA, availability, kept items) and every duration must fall on the
 * slot grid, which it checks, so the greedy's schedules lie within its search space.
 */

export interface ExactOptions {
  /** Slot length in minutes; default 15. */
  slotMinutes?: number;
  /** HiGHS wall-clock limit in seconds; default 60. */
  timeLimitSeconds?: number;
}

export interface ExactResult {
  /** HiGHS's model status; the objective is proven optimal only for `Optimal`. */
  status: string;
  /** The schedule found, scored by `scoreSchedule`. */
  score: ScheduleScore;
  /** The solver's own objective value; equal to `score.objective` (a check on the model). */
  solverObjective: number;
  placed: PlacedItem[];
  unplacedIds: string[];
  /** Model size, for the record. */
  variables: number;
  constraints: number;
}

const MINUTE = 60_000;

interface Slot {
  start: number;
  day: string;
  usable: boolean;
  /** Whether the next slot follows on the same day. */
  continues: boolean;
}

/** Solves `input` exactly; see the file comment for the model. */
export async function exactSchedule(
  input: ScheduleInput,
  options: ExactOptions = {},
): Promise<ExactResult> {
  const model = buildModel(input, options.slotMinutes ?? 15);
  const highs = await (await import('highs')).default();
  const solution = highs.solve(model.lp, {
    time_limit: options.timeLimitSeconds ?? 60,
    mip_rel_gap: 0,
    output_flag: false,
  });
  if (!('Columns' in solution) || !['Optimal', 'Time limit reached'].includes(solution.Status)) {
    throw new Error(`HiGHS could not solve the instance: ${solution.Status}`);
  }
  const value = (name: string) => {
    const column = solution.Columns[name];
    return column && 'Primal' in column ? column.Primal : 0;
  };
  const placed: PlacedItem[] = [];
  const unplacedIds: string[] = [];
  model.items.forEach((item, i) => {
    const t = model.starts[i]?.find((slot) => value(`x${i}_${slot}`) > 0.5);
    const slot = t === undefined ? undefined : model.slots[t];
    if (!slot) {
      unplacedIds.push(item.id);
      return;
    }
    placed.push({
      ...item,
      start: slot.start,
      end: slot.start + item.durationMinutes * MINUTE,
      day: slot.day,
      placement: model.kept[i] ? 'kept' : 'placed',
    });
  });
  placed.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  return {
    status: solution.Status,
    score: scoreSchedule(input.context, input.items, placed),
    solverObjective: solution.ObjectiveValue,
    placed,
    unplacedIds,
    variables: model.variables,
    constraints: model.constraints,
  };
}

interface Model {
  lp: string;
  items: readonly AgendaItem[];
  slots: Slot[];
  /** Per item, the slots it may start on. */
  starts: number[][];
  kept: boolean[];
  variables: number;
  constraints: number;
}

/** The model in CPLEX LP text, which HiGHS reads, and what it takes to read a solution back. */
function buildModel(input: ScheduleInput, slotMinutes: number): Model {
  const { context, items } = input;
  const rules = context.breakRules ?? {};
  if ((rules.coffeeBreakMinutes ?? 0) > 0 && (rules.coffeeBreakAfterMinutes ?? 0) > 0) {
    throw new RangeError('The exact model has no coffee breaks: compare with them turned off');
  }
  const step = slotMinutes * MINUTE;
  const onGrid = (instant: number, what: string) => {
    if (instant % step !== 0)
      throw new RangeError(`${what} is not on the ${slotMinutes}-minute grid`);
  };

  // Slots: each day from its first opening to its last closing.
  const slots: Slot[] = [];
  for (const day of scheduleDays(context)) {
    const first = day.windows[0];
    const last = day.windows[day.windows.length - 1];
    if (!first || !last) continue;
    const usable = usableRanges(day, context);
    for (const r of [...day.windows, ...(day.ishoma ? [day.ishoma] : [])]) {
      onGrid(r.start, `${day.date}: ${new Date(r.start).toISOString()}`);
      onGrid(r.end, `${day.date}: ${new Date(r.end).toISOString()}`);
    }
    for (let start = first.start; start < last.end; start += step) {
      slots.push({
        start,
        day: day.date,
        usable: usable.some((r) => r.start <= start && start + step <= r.end),
        continues: start + step < last.end,
      });
    }
  }
  const availability = new Map(
    context.people
      .filter((p) => (p.availability ?? []).length > 0)
      .map((p) => [p.id, p.availability ?? []]),
  );
  for (const ranges of availability.values()) {
    for (const r of ranges) {
      onGrid(r.start, 'an availability');
      onGrid(r.end, 'an availability');
    }
  }

  // Where each item may start.
  const keepScheduled = input.keepScheduled ?? true;
  const pinned = new Set(input.pinnedIds ?? []);
  const kept = items.map(
    (item) =>
      item.start !== null &&
      item.end !== null &&
      item.end > item.start &&
      (keepScheduled || pinned.has(item.id)),
  );
  const length = items.map((item) => {
    if (item.durationMinutes % slotMinutes !== 0) {
      throw new RangeError(`${item.id}: ${item.durationMinutes} minutes is not whole slots`);
    }
    return item.durationMinutes / slotMinutes;
  });
  const starts = items.map((item, i) => {
    const len = length[i] ?? 0;
    if (kept[i]) {
      const t = slots.findIndex((slot) => slot.start === item.start);
      const fits = t >= 0 && fitsFrom(t, len) && item.end === (item.start ?? 0) + len * step;
      if (!fits) throw new RangeError(`${item.id}: a kept item must fill usable slots exactly`);
      return [t];
    }
    if (!(len > 0)) return [];
    const people = item.holders.flatMap((h) => {
      const ranges = availability.get(h.personId ?? '');
      return ranges ? [mergeRanges(ranges)] : [];
    });
    return slots.flatMap((slot, t) => {
      if (item.day !== null && slot.day !== item.day) return [];
      if (!fitsFrom(t, len)) return [];
      const range = { start: slot.start, end: slot.start + len * step };
      const available = people.every((ranges) =>
        ranges.some((r) => r.start <= range.start && range.end <= r.end),
      );
      return available ? [t] : [];
    });
  });
  function fitsFrom(t: number, len: number): boolean {
    for (let k = 0; k < len; k++) {
      const slot = slots[t + k];
      if (!slot?.usable || (k < len - 1 && !slot.continues)) return false;
    }
    return true;
  }

  // Which x variables cover each slot, per item.
  const covering = items.map((_, i) => {
    const bySlot = new Map<number, string[]>();
    for (const t of starts[i] ?? []) {
      for (let k = 0; k < (length[i] ?? 0); k++) {
        const list = bySlot.get(t + k) ?? [];
        list.push(`x${i}_${t}`);
        bySlot.set(t + k, list);
      }
    }
    return bySlot;
  });
  const skippable = items.map((_, i) => !kept[i]);
  const rows: string[] = [];
  const objective = new Map<string, number>();
  const addCost = (name: string, cost: number) =>
    objective.set(name, (objective.get(name) ?? 0) + cost);

  // Each item placed once, or left out at a price.
  items.forEach((item, i) => {
    const terms = (starts[i] ?? []).map((t) => `x${i}_${t}`);
    if (skippable[i]) {
      terms.push(`s${i}`);
      if (!isBreakItem(item)) addCost(`s${i}`, UNPLACED_WEIGHT * item.durationMinutes);
    }
    rows.push(`a${i}: ${sum(terms)} = 1`);
  });

  // Rooms (plenaries and breaks in all of them), people and teams: one item at a time.
  const resources = new Map<string, number[]>();
  const roomIds = [...new Set(items.filter((i) => !fillsEveryRoom(i)).map((i) => i.roomId))];
  items.forEach((item, i) => {
    const rooms = fillsEveryRoom(item) ? (roomIds.length > 0 ? roomIds : [null]) : [item.roomId];
    for (const room of rooms) pushTo(resources, `room:${room ?? ''}`, i);
    const keys = new Set(
      item.holders.flatMap((h) => [
        ...(h.personId ? [`p:${h.personId}`] : []),
        ...(h.organizationId ? [`o:${h.organizationId}`] : []),
      ]),
    );
    for (const key of keys) pushTo(resources, key, i);
  });
  let resourceRow = 0;
  for (const members of resources.values()) {
    if (members.length < 2) continue;
    slots.forEach((_, g) => {
      const present = members.filter((i) => covering[i]?.has(g));
      if (present.length < 2) return;
      rows.push(
        `r${resourceRow++}: ${sum(present.flatMap((i) => covering[i]?.get(g) ?? []))} <= 1`,
      );
    });
  }

  // Tracks: u is 1 until the track's last item ends; idle = slot · (Σ usable u − occupancy).
  const bounds: string[] = [];
  trackRooms(items).forEach((room, r) => {
    const members = items
      .map((item, i) => ({ item, i }))
      .filter(({ item }) => room === null || item.roomId === room || fillsEveryRoom(item));
    slots.forEach((slot, g) => {
      const u = `u${r}_${g}`;
      bounds.push(`0 <= ${u} <= 1`);
      if (slot.usable) addCost(u, slotMinutes);
      const occupying = members.flatMap(({ i }) => covering[i]?.get(g) ?? []);
      if (occupying.length > 0) rows.push(`t${r}_${g}: ${u} ${minus(occupying)} >= 0`);
      if (slot.continues) rows.push(`m${r}_${g}: ${u} - u${r}_${g + 1} >= 0`);
    });
    for (const { i } of members) {
      for (const t of starts[i] ?? []) addCost(`x${i}_${t}`, -slotMinutes * (length[i] ?? 0));
      // Tighter: u is at least the chance that item i is still to end after slot g that day.
      slots.forEach((slot, g) => {
        const later = (starts[i] ?? []).filter(
          (t) => slots[t]?.day === slot.day && t + (length[i] ?? 0) > g,
        );
        if (later.length > 0) {
          rows.push(`e${r}_${i}_${g}: u${r}_${g} ${minus(later.map((t) => `x${i}_${t}`))} >= 0`);
        }
      });
    }
  });

  // Program order kept, or paid for; ordering constraints kept. Both in the cumulative form of
  // time-indexed models, much tighter than big-M: S_i(t), the x of item i starting by slot t.
  const index = new Map(items.map((item, i) => [item.id, i]));
  const startedBy = (i: number, t: number) =>
    (starts[i] ?? []).filter((start) => start <= t).map((start) => `x${i}_${start}`);
  const binaries: string[] = [];
  orderPairs(items).forEach(([first, second], k) => {
    const a = index.get(first.id) ?? 0;
    const b = index.get(second.id) ?? 0;
    // Broken when the second has started by a slot the first has not: S_b(t) − S_a(t) ≤ b (+ s_a,
    // as a first item left out breaks nothing).
    const relief = [`b${k}`, ...(skippable[a] ? [`s${a}`] : [])];
    for (const t of starts[b] ?? []) {
      rows.push(
        `o${k}_${t}: ${sum(startedBy(b, t))} ${minus([...startedBy(a, t), ...relief])} <= 0`,
      );
    }
    addCost(`b${k}`, ORDER_PENALTY_MINUTES);
    binaries.push(`b${k}`);
  });
  (input.ordering ?? []).forEach((o, k) => {
    const before = index.get(o.before);
    const after = index.get(o.after);
    if (before === undefined || after === undefined) return;
    // `after` may have started by t only if `before` had started by t − its length.
    for (const t of starts[after] ?? []) {
      const ended = startedBy(before, t - (length[before] ?? 0));
      rows.push(`h${k}_${t}: ${sum(startedBy(after, t))} ${minus(ended)} <= 0`);
    }
  });

  items.forEach((_, i) => {
    for (const t of starts[i] ?? []) binaries.push(`x${i}_${t}`);
    if (skippable[i]) binaries.push(`s${i}`);
  });
  const lp = [
    'Minimize',
    ` obj: ${linear([...objective].map(([name, coefficient]) => ({ name, coefficient })))}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds.map((bound) => ` ${bound}`),
    'Binary',
    ...chunk(binaries, 20).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return {
    lp,
    items,
    slots,
    starts,
    kept,
    variables: binaries.length + bounds.length,
    constraints: rows.length,
  };
}

function isBreakItem(item: AgendaItem): boolean {
  return item.type === 'break' || item.type === 'meal_prayer';
}

/** `a + b + c`, over several lines when long (LP text allows it). */
function sum(names: readonly string[]): string {
  return linear(names.map((name) => ({ name, coefficient: 1 })));
}

function minus(names: readonly string[]): string {
  return names.map((name) => `- ${name}`).join(' ');
}

function linear(terms: readonly { name: string; coefficient: number }[]): string {
  const text = terms
    .filter((t) => t.coefficient !== 0)
    .map((t, n) => {
      const sign = t.coefficient < 0 ? '-' : n === 0 ? '' : '+';
      const size = Math.abs(t.coefficient);
      return `${sign}${sign ? ' ' : ''}${size === 1 ? '' : `${size} `}${t.name}`;
    });
  return chunk(text, 12)
    .map((line) => line.join(' '))
    .join('\n  ');
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let n = 0; n < list.length; n += size) chunks.push(list.slice(n, n + size));
  return chunks;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
