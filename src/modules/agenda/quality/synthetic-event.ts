import { addDays, parseZonedTimestamp } from '../../../common/time/zoned-time';
import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';
import type {
  AgendaContext,
  AgendaItem,
  AgendaPerson,
  AgendaRoleHolder,
  AgendaRoom,
  DayWindow,
  TimeRange,
} from '../domain/agenda-types';
import type { OrderingConstraint } from '../domain/generate-schedule';
import { rangesOverlap } from '../domain/time-ranges';

/**
 * Realistic synthetic events for measuring the agenda core: a rakor (coordination meeting) with
 * fixed plenaries (opening, daily report, closing) and parallel sessions in rooms, people holding
 * several roles across items, some of them available only part of the time. Seeded: the same
 * options give the same event on every machine (a small PRNG, never `Math.random`), so specs and
 * the bench see exactly the same data.
 */

export interface SyntheticEventOptions {
  /** Seeds the PRNG; any 32-bit integer. */
  seed: number;
  /** Event days, from `startDate`. */
  days: number;
  /** Rooms for parallel sessions (plenaries have no room and use the whole venue). */
  rooms: number;
  /** Items in all, fixed plenaries included. */
  items: number;
  /** People who may hold roles. */
  people: number;
  /** First day, `YYYY-MM-DD`; default 2026-03-10. */
  startDate?: string;
  /** IANA zone; default Asia/Jakarta (WIB). */
  timeZone?: string;
  /**
   * Days run 07:30–17:30; with `evening` (default true) every day but the last also has an evening
   * session, 19:00–22:30, as long rakor days do.
   */
  evening?: boolean;
  /** Coffee breaks of 15 minutes after 120 minutes of items; default true. */
  coffeeBreaks?: boolean;
  /** Share of people (besides the officials) who state an availability; default 0.15. */
  availableShare?: number;
  /**
   * Share of a room-day's free minutes that its sessions fill, before people, breaks and
   * ordering get in the way; default 0.85. Durations shrink (never below 30 minutes) to keep it.
   */
  load?: number;
  /** Share of room sessions meant for any day (`day: null`); default 0.03. */
  anyDayShare?: number;
  /** Durations are multiples of this many minutes, 15 (default) or 30. */
  durationStep?: 15 | 30;
}

export interface SyntheticEvent {
  context: AgendaContext;
  items: AgendaItem[];
  ordering: OrderingConstraint[];
}

/** The large event of the quality spec and the bench: 3 days, 12 rooms, 600 items, 400 people. */
export const LARGE_EVENT: SyntheticEventOptions = {
  seed: 2026,
  days: 3,
  rooms: 12,
  items: 600,
  people: 400,
};

/**
 * A small instance an exact solver can settle: 1 or 2 days, 2 or 3 rooms, 12 to 30 items, no
 * evening and no coffee breaks (the exact model has none; see exact-schedule.ts), durations on a
 * 30-minute grid so that the exact model can use 30-minute slots.
 */
export function smallEventOptions(seed: number): SyntheticEventOptions {
  const days = 1 + (seed % 2);
  return {
    seed,
    days,
    rooms: 2 + (seed % 2),
    items: Math.min(30, 12 + ((seed * 7) % 19)),
    people: 20 + (seed % 5),
    evening: false,
    coffeeBreaks: false,
    availableShare: 0.2,
    load: 0.75,
    anyDayShare: 0,
    durationStep: 30,
  };
}

const MINUTE = 60_000;
const ISHOMA = { from: '12:00', to: '13:00' };
/** Durations in minutes and how often each is drawn: mostly short parallel sessions. */
const DURATIONS: readonly (readonly [number, number])[] = [
  [30, 30],
  [45, 15],
  [60, 25],
  [90, 15],
  [120, 8],
  [150, 4],
  [180, 3],
];
const SESSION_KINDS: readonly { type: SessionType; prefixes: readonly string[] }[] = [
  { type: 'panel', prefixes: ['Diskusi Panel', 'Talkshow'] },
  { type: 'workshop', prefixes: ['Lokakarya', 'Bimbingan Teknis', 'Klinik'] },
  { type: 'discussion', prefixes: ['Diskusi Kelompok', 'Sidang Komisi', 'Focus Group Discussion'] },
  { type: 'other', prefixes: ['Paparan', 'Sosialisasi', 'Desk Evaluasi'] },
];
const TOPICS = [
  'Percepatan Penurunan Stunting',
  'Pengendalian Inflasi Daerah',
  'Reformasi Birokrasi Tematik',
  'Transformasi Digital Pelayanan Publik',
  'Penanggulangan Bencana Hidrometeorologi',
  'Pengelolaan Keuangan Daerah',
  'Sinkronisasi Program Pusat dan Daerah',
  'Satu Data Indonesia',
  'Sistem Pemerintahan Berbasis Elektronik',
  'Penghapusan Kemiskinan Ekstrem',
  'Ketahanan Pangan Daerah',
  'Kehumasan dan Media Sosial Pemerintah',
  'Perencanaan Pembangunan Daerah',
  'Penguatan Pengawasan Internal',
  'Pelayanan Administrasi Kependudukan',
  'Pengelolaan Barang Milik Daerah',
  'Kerja Sama Antardaerah',
  'Penataan Ruang dan Pertanahan',
];
const ROOM_NAMES = [
  'Anggrek',
  'Bougenville',
  'Cempaka',
  'Dahlia',
  'Edelweis',
  'Flamboyan',
  'Gardenia',
  'Kenanga',
  'Melati',
  'Mawar',
  'Nusa Indah',
  'Teratai',
];
const ROOM_CAPACITIES = [30, 40, 50, 60, 80, 100, 120, 150];
const FIRST_NAMES = [
  'Agus',
  'Budi',
  'Dewi',
  'Eko',
  'Fitri',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
  'Made',
  'Nur',
  'Putu',
  'Rahmat',
  'Sri',
  'Taufik',
  'Wahyu',
  'Yuliana',
  'Andi',
  'Siti',
  'Bambang',
  'Rina',
  'Ahmad',
  'Retno',
];
const LAST_NAMES = [
  'Santoso',
  'Wijaya',
  'Rahmawati',
  'Hidayat',
  'Saputra',
  'Lubis',
  'Siregar',
  'Nasution',
  'Pratama',
  'Kusuma',
  'Setiawan',
  'Harahap',
  'Simanjuntak',
  'Wibowo',
  'Susanti',
  'Manurung',
  'Tanjung',
  'Gunawan',
];
const TITLES_BEFORE = ['', '', 'Dr. ', 'Ir. ', 'Drs. ', 'H. ', 'Hj. '];
const TITLES_AFTER = ['', '', ', S.E.', ', M.Si', ', S.H., M.H.', ', M.A.P.', ', Ph.D.'];
const TEAMS = [
  'Tim Perumus',
  'Sekretariat Rakor',
  'Tim Teknis BPS',
  'Tim Notulen Bappeda',
  'Tim Asistensi Kemendagri',
];
/** People 0–2 hold the plenary roles; they state no availability. */
const OFFICIALS = 3;

/** A seeded event; see {@link SyntheticEventOptions}. */
export function syntheticEvent(options: SyntheticEventOptions): SyntheticEvent {
  const random = prng(options.seed);
  const zone = options.timeZone ?? 'Asia/Jakarta';
  const startDate = options.startDate ?? '2026-03-10';
  const dates = Array.from({ length: options.days }, (_, index) => addDays(startDate, index));
  const lastDate = dates[dates.length - 1] ?? startDate;
  const evening = options.evening ?? true;
  const at = (date: string, clock: string) => localInstant(date, clock, zone);

  const dayWindows: DayWindow[] = dates.flatMap((date) => [
    { date, from: '07:30', to: '17:30' },
    ...(evening && date !== lastDate ? [{ date, from: '19:00', to: '22:30' }] : []),
  ]);
  const rooms: AgendaRoom[] = Array.from({ length: options.rooms }, (_, index) => ({
    id: `room-${index + 1}`,
    name: `Ruang ${ROOM_NAMES[index] ?? `Sidang ${index + 1}`}`,
    capacity: pick(random, ROOM_CAPACITIES),
  }));
  const organizations = TEAMS.map((name, index) => ({ id: `team-${index + 1}`, name }));

  // People first, with the days each can be there: availability is what makes roles hard.
  const people: AgendaPerson[] = [];
  const availableOn = new Map<string, string[]>();
  const wholeDays = dates.map(
    (date) => [date, { start: at(date, '00:00'), end: at(addDays(date, 1), '00:00') }] as const,
  );
  for (let index = 0; index < options.people; index++) {
    const id = `person-${index + 1}`;
    const name =
      pick(random, TITLES_BEFORE) +
      `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}` +
      pick(random, TITLES_AFTER);
    const states = index >= OFFICIALS && random() < (options.availableShare ?? 0.15);
    const availability = states ? statedAvailability(random, dates, at) : undefined;
    people.push({ id, name, ...(availability ? { availability } : {}) });
    for (const [date, day] of wholeDays) {
      if (!availability || availability.some((range) => rangesOverlap(range, day))) {
        const pool = availableOn.get(date);
        if (pool) pool.push(id);
        else availableOn.set(date, [id]);
      }
    }
  }
  const anyDayPeople = people.filter((p) => !p.availability).map((p) => p.id);

  // The program: the morning plenaries, the room sessions, then the closing plenaries, as a
  // rundown lists them (generation follows the program order within a room and a day).
  const { opening, closing } = plenaries(dates, at);
  const items: AgendaItem[] = [...opening];
  const fixedMinutes = new Map<string, number>();
  for (const item of [...opening, ...closing]) {
    const date = item.day ?? '';
    fixedMinutes.set(date, (fixedMinutes.get(date) ?? 0) + item.durationMinutes);
  }

  // Room sessions: spread over the room-days by their free minutes, then given durations that
  // keep each room-day within `load` of its free minutes.
  const freeMinutes = dates.map(
    (date) =>
      dayWindows
        .filter((w) => w.date === date)
        .reduce((sum, w) => sum + clockMinutes(w.to) - clockMinutes(w.from), 0) -
      (clockMinutes(ISHOMA.to) - clockMinutes(ISHOMA.from)) -
      (fixedMinutes.get(date) ?? 0),
  );
  const roomItems = Math.max(0, options.items - opening.length - closing.length);
  const perRoomDay = apportion(
    roomItems,
    dates.flatMap((_, day) => rooms.map(() => freeMinutes[day] ?? 0)),
  );
  const ordering: OrderingConstraint[] = [];
  let serial = 0;
  dates.forEach((date, day) => {
    rooms.forEach((room, roomIndex) => {
      const count = perRoomDay[day * rooms.length + roomIndex] ?? 0;
      const budget = (options.load ?? 0.85) * (freeMinutes[day] ?? 0);
      const step = options.durationStep ?? 15;
      const durations = fitDurations(
        Array.from({ length: count }, () => weighted(random, DURATIONS, step)),
        budget,
        step,
      );
      let previous: AgendaItem | null = null;
      for (const durationMinutes of durations) {
        serial += 1;
        const anyDay = random() < (options.anyDayShare ?? 0.03);
        const pool = anyDay ? anyDayPeople : (availableOn.get(date) ?? anyDayPeople);
        const item = roomSession(random, {
          id: `s${serial}`,
          day: anyDay ? null : date,
          room,
          durationMinutes,
          pool,
          teams: organizations.map((o) => o.id),
        });
        // Now and then a session must follow the one before it in its room (presentation, then
        // its discussion): an ordering constraint that agrees with the program order.
        if (previous && previous.day === item.day && random() < 0.2) {
          ordering.push({ before: previous.id, after: item.id });
        }
        items.push(item);
        previous = item;
      }
    });
  });

  items.push(...closing);
  const context: AgendaContext = {
    timeZone: zone,
    startDate,
    endDate: lastDate,
    dayWindows,
    rooms,
    people,
    organizations,
    breakRules: {
      ...((options.coffeeBreaks ?? true)
        ? { coffeeBreakMinutes: 15, coffeeBreakAfterMinutes: 120 }
        : {}),
      ishoma: ISHOMA,
    },
  };
  return { context, items, ordering };
}

/**
 * The fixed plenaries (no room: the whole venue), as organizers pin them: the opening and the
 * minister's address on the first day, a morning report on the others, the conclusions and the
 * closing at the end of the last.
 */
function plenaries(
  dates: readonly string[],
  at: (date: string, clock: string) => number,
): { opening: AgendaItem[]; closing: AgendaItem[] } {
  const opening: AgendaItem[] = [];
  const closing: AgendaItem[] = [];
  const fixed = (
    items: AgendaItem[],
    id: string,
    date: string,
    from: string,
    to: string,
    type: SessionType,
    title: string,
    holders: AgendaRoleHolder[],
  ) => {
    const start = at(date, from);
    const end = at(date, to);
    items.push({
      id,
      title,
      type,
      start,
      end,
      durationMinutes: (end - start) / MINUTE,
      day: date,
      roomId: null,
      expectedAudience: null,
      holders,
    });
  };
  const [minister, mc, reporter] = ['person-1', 'person-2', 'person-3'];
  dates.forEach((date, index) => {
    if (index === 0) {
      fixed(opening, 'pembukaan', date, '07:30', '08:00', 'opening', 'Pembukaan Rapat Koordinasi', [
        { role: 'official', personId: minister },
        { role: 'mc', personId: mc },
      ]);
      fixed(opening, 'arahan', date, '08:00', '09:00', 'keynote', 'Arahan Menteri Dalam Negeri', [
        { role: 'speaker', personId: minister },
        { role: 'mc', personId: mc },
      ]);
    } else {
      fixed(
        opening,
        `pleno-${index + 1}`,
        date,
        '07:30',
        '08:00',
        'report',
        `Laporan Hari ke-${index}`,
        [
          { role: 'reporter', personId: reporter },
          { role: 'mc', personId: mc },
        ],
      );
    }
    if (index === dates.length - 1) {
      fixed(closing, 'rumusan', date, '16:30', '17:00', 'report', 'Pembacaan Rumusan Hasil Rakor', [
        { role: 'reporter', personId: reporter },
        { role: 'mc', personId: mc },
      ]);
      fixed(closing, 'penutupan', date, '17:00', '17:30', 'closing', 'Penutupan', [
        { role: 'official', personId: minister },
        { role: 'mc', personId: mc },
      ]);
    }
  });
  return { opening, closing };
}

/** One parallel session: a title, a type, an audience that fits its room, and its role holders. */
function roomSession(
  random: () => number,
  spec: {
    id: string;
    day: string | null;
    room: AgendaRoom;
    durationMinutes: number;
    pool: readonly string[];
    teams: readonly string[];
  },
): AgendaItem {
  const kind = pick(random, SESSION_KINDS);
  const roomCapacity = spec.room.capacity ?? 50;
  const expectedAudience = Math.max(10, Math.round(roomCapacity * (0.5 + random() / 2)));
  const holders: AgendaRoleHolder[] = [];
  const taken = new Set<string>();
  // A few draws from the pool, skipping people already in the item; a tiny pool may give fewer.
  const person = (role: SessionRole) => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const personId = pick(random, spec.pool);
      if (taken.has(personId)) continue;
      taken.add(personId);
      holders.push({ role, personId });
      return;
    }
  };
  if (kind.type === 'panel') for (let n = 0; n < 3; n++) person('panelist');
  else for (let n = random() < 0.3 ? 2 : 1; n > 0; n--) person('speaker');
  person('moderator');
  if (random() < 0.3)
    holders.push({ role: 'note_taker', organizationId: pick(random, spec.teams) });
  return {
    id: spec.id,
    title: `${pick(random, kind.prefixes)} ${pick(random, TOPICS)}`,
    type: kind.type,
    start: null,
    end: null,
    durationMinutes: spec.durationMinutes,
    day: spec.day,
    roomId: spec.room.id,
    expectedAudience,
    capacity: kind.type === 'workshop' ? Math.min(roomCapacity, expectedAudience) : null,
    holders,
  };
}

/** A stated availability: one day, every morning, or every afternoon and evening. */
function statedAvailability(
  random: () => number,
  dates: readonly string[],
  at: (date: string, clock: string) => number,
): TimeRange[] {
  const shape = random();
  if (shape < 0.4) {
    const date = pick(random, dates);
    return [{ start: at(date, '07:00'), end: at(date, '23:00') }];
  }
  const [from, to] = shape < 0.7 ? ['07:30', '12:00'] : ['13:00', '22:30'];
  return dates.map((date) => ({ start: at(date, from), end: at(date, to) }));
}

/**
 * Shortens durations, a `step` at a time and never below 30, to fit `budget`: the shortest first,
 * so that a crowded room-day keeps its few long sessions and many short ones, as real ones do.
 */
function fitDurations(durations: number[], budget: number, step: number): number[] {
  const result = [...durations];
  let total = result.reduce((sum, d) => sum + d, 0);
  while (total > budget) {
    let shortest = -1;
    result.forEach((d, index) => {
      if (d > 30 && (shortest < 0 || d < (result[shortest] ?? 0))) shortest = index;
    });
    if (shortest < 0) break;
    result[shortest] = (result[shortest] ?? 0) - step;
    total -= step;
  }
  return result;
}

/** `total` split by `weights`, largest remainders first (ties to the earlier), summing exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

/** mulberry32: small, fast and the same everywhere; uniform in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new RangeError('Cannot pick from an empty list');
  return value;
}

/** A duration drawn by weight, rounded down to the step. */
function weighted(
  random: () => number,
  table: readonly (readonly [number, number])[],
  step: number,
): number {
  let left = random() * table.reduce((sum, [, weight]) => sum + weight, 0);
  let value = table[table.length - 1]?.[0] ?? 0;
  for (const [candidate, weight] of table) {
    left -= weight;
    if (left < 0) {
      value = candidate;
      break;
    }
  }
  return Math.floor(value / step) * step;
}

function localInstant(date: string, clock: string, zone: string): number {
  const instant = parseZonedTimestamp(`${date}T${clock}`, zone);
  if (!instant) throw new RangeError(`${date} ${clock} is not a local time in ${zone}`);
  return instant.getTime();
}

function clockMinutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (mins ?? 0);
}
