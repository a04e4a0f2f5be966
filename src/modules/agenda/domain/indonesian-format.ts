import { Info } from 'luxon';
import { timeZoneLabel } from '../../../common/time/zoned-time';
import type { SessionRole } from '../../sessions/domain/session-kinds';
import { isMidnightAfter, type LocalTime, localTime } from '../../../common/time/local-clock';

/**
 * Dates, times and words for people, Bahasa Indonesia first and English second: "Rabu, 29 Juni
 * 2022", "08.00–11.00 WIB". Pure functions over epoch milliseconds and local `YYYY-MM-DD` days.
 * Day and month names come from the locale data (luxon `Info`, i.e. `Intl`) for `id` and `en-GB`;
 * the zone labels are WIB (Asia/Jakarta, Asia/Pontianak), WITA (Asia/Makassar) and WIT
 * (Asia/Jayapura), other zones their short name.
 */

/** The languages people read Rakor in. */
export type Language = 'id' | 'en';

/** One sentence in both languages. */
export interface LocalizedText {
  id: string;
  en: string;
}

const LOCALES: Readonly<Record<Language, string>> = { id: 'id', en: 'en-GB' };
const EN_DASH = '–';

/** Names and formatters per language, read from the locale data once. */
const WORDS: Readonly<
  Record<
    Language,
    {
      weekdays: string[];
      months: string[];
      numbers: Intl.NumberFormat;
      lists: Intl.ListFormat;
    }
  >
> = {
  id: words('id'),
  en: words('en'),
};

function words(language: Language) {
  const locale = LOCALES[language];
  return {
    /** Monday first, as luxon counts weekdays. */
    weekdays: Info.weekdays('long', { locale }),
    months: Info.months('long', { locale }),
    numbers: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    lists: new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }),
  };
}

/** What each role is called in a sentence ("menjadi narasumber", "is the speaker"). */
export const ROLE_LABELS: Readonly<Record<SessionRole, LocalizedText>> = {
  speaker: { id: 'narasumber', en: 'speaker' },
  moderator: { id: 'moderator', en: 'moderator' },
  mc: { id: 'pembawa acara', en: 'MC' },
  note_taker: { id: 'notulis', en: 'note-taker' },
  official: { id: 'pejabat', en: 'official' },
  reporter: { id: 'pelapor', en: 'reporter' },
  panelist: { id: 'panelis', en: 'panelist' },
};

/** The role's name in a sentence: "narasumber", "pembawa acara"; "speaker", "MC". */
export function roleLabel(role: SessionRole, language: Language): string {
  return ROLE_LABELS[role][language];
}

/** WIB, WITA or WIT for Indonesia's zones, else the zone's short name at that instant. */
export function zoneLabel(timeZone: string, at: number): string {
  return timeZoneLabel(timeZone, new Date(at));
}

/** A local day with its weekday: "Rabu, 29 Juni 2022"; "Wednesday, 29 June 2022". */
export function formatLongDay(date: string, language: Language): string {
  return longDay(calendarDay(date), language);
}

/** The local day of an instant in the zone, with its weekday: "Rabu, 29 Juni 2022". */
export function formatInstantDay(instant: number, timeZone: string, language: Language): string {
  return longDay(localTime(instant, timeZone), language);
}

/** A local clock time without the zone: "08.00" in Indonesian, "08:00" in English. */
export function formatClock(instant: number, timeZone: string, language: Language): string {
  return clock(localTime(instant, timeZone), language);
}

/**
 * Clock times from start to end with the zone: "08.00–11.00 WIB". Only the clock: the caller
 * names the day. An end at the midnight after the start's day reads "24.00"; an end on a later
 * day just reads its clock ("19.00–01.00 WIB").
 */
export function formatTimeRange(
  start: number,
  end: number,
  timeZone: string,
  language: Language,
): string {
  const to = isMidnightAfter(start, end, timeZone)
    ? clockText(24, 0, language)
    : formatClock(end, timeZone, language);
  return `${formatClock(start, timeZone, language)}${EN_DASH}${to} ${zoneLabel(timeZone, start)}`;
}

/**
 * When something happens, for a sentence: "Rabu, 29 Juni 2022 pukul 08.00–11.00 WIB";
 * "Wednesday, 29 June 2022, 08:00–11:00 WIB". Over midnight both days are named: "Selasa, 28
 * Juni 2022 pukul 23.00 s.d. Rabu, 29 Juni 2022 pukul 01.00 WIB".
 */
export function formatWhen(
  start: number,
  end: number,
  timeZone: string,
  language: Language,
): string {
  const first = localTime(start, timeZone);
  const last = localTime(end, timeZone);
  const startDay = longDay(first, language);
  if (first.date === last.date || isMidnightAfter(start, end, timeZone)) {
    const times = formatTimeRange(start, end, timeZone, language);
    return language === 'id' ? `${startDay} pukul ${times}` : `${startDay}, ${times}`;
  }
  const endDay = longDay(last, language);
  const from = clock(first, language);
  const to = clock(last, language);
  const zone = zoneLabel(timeZone, start);
  return language === 'id'
    ? `${startDay} pukul ${from} s.d. ${endDay} pukul ${to} ${zone}`
    : `${startDay}, ${from} to ${endDay}, ${to} ${zone}`;
}

/**
 * A run of local days, short as the calendar allows: "28–30 Juni 2022", "30 Juni – 2 Juli 2022",
 * "31 Desember 2022 – 2 Januari 2023"; one day is just that day ("29 Juni 2022").
 */
export function formatDateSpan(startDate: string, endDate: string, language: Language): string {
  const first = calendarDay(startDate);
  const last = calendarDay(endDate);
  const month = (day: CalendarDay) => WORDS[language].months[day.month - 1] ?? '';
  const full = (day: CalendarDay) => `${day.day} ${month(day)} ${day.year}`;
  if (startDate === endDate) return full(last);
  if (first.year !== last.year) return `${full(first)} ${EN_DASH} ${full(last)}`;
  if (first.month !== last.month) return `${first.day} ${month(first)} ${EN_DASH} ${full(last)}`;
  return `${first.day}${EN_DASH}${full(last)}`;
}

/** A whole number with the language's grouping: "1.250" in Indonesian, "1,250" in English. */
export function formatCount(count: number, language: Language): string {
  return WORDS[language].numbers.format(count);
}

/** Words joined as a list: "narasumber dan moderator", "a, b, dan c"; "a, b and c". */
export function formatList(parts: readonly string[], language: Language): string {
  return WORDS[language].lists.format(parts);
}

type CalendarDay = Pick<LocalTime, 'year' | 'month' | 'day' | 'weekday'>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `YYYY-MM-DD`, refusing days the calendar does not have (2023-02-29). */
function calendarDay(date: string): CalendarDay {
  const match = DATE.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (!match || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`${date} is not a date (YYYY-MM-DD)`);
  }
  return { year, month, day, weekday: ((utc.getUTCDay() + 6) % 7) + 1 };
}

function longDay(day: CalendarDay, language: Language): string {
  const { weekdays, months } = WORDS[language];
  return `${weekdays[day.weekday - 1] ?? ''}, ${day.day} ${months[day.month - 1] ?? ''} ${day.year}`;
}

function clock(time: LocalTime, language: Language): string {
  return clockText(time.hour, time.minute, language);
}

function clockText(hour: number, minute: number, language: Language): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hour)}${language === 'id' ? '.' : ':'}${pad(minute)}`;
}
