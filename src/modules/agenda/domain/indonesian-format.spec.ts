import { DateTime } from 'luxon';
import { SESSION_ROLES } from '../../sessions/domain/session-kinds';
import {
  formatClock,
  formatCount,
  formatDateSpan,
  formatInstantDay,
  formatList,
  formatLongDay,
  formatTimeRange,
  formatWhen,
  type Language,
  roleLabel,
  zoneLabel,
} from './indonesian-format';

/** Epoch ms of a local time in a zone. */
const at = (local: string, zone = 'Asia/Jakarta') => DateTime.fromISO(local, { zone }).toMillis();

describe('formatLongDay', () => {
  it.each<[string, Language, string]>([
    ['2022-06-28', 'id', 'Selasa, 28 Juni 2022'],
    ['2022-06-29', 'id', 'Rabu, 29 Juni 2022'],
    ['2022-06-30', 'id', 'Kamis, 30 Juni 2022'],
    ['2024-02-29', 'id', 'Kamis, 29 Februari 2024'],
    ['2022-08-17', 'id', 'Rabu, 17 Agustus 2022'],
    ['2022-06-29', 'en', 'Wednesday, 29 June 2022'],
  ])('should write %s in %s as "%s" when given a local day', (date, language, expected) => {
    expect(formatLongDay(date, language)).toBe(expected);
  });

  it('should throw when the text is not a date', () => {
    expect(() => formatLongDay('29-06-2022', 'id')).toThrow(RangeError);
  });
});

describe('formatInstantDay', () => {
  it.each<[string, number, string, string]>([
    [
      'the evening of the 28th in Jakarta',
      at('2022-06-28T19:00'),
      'Asia/Jakarta',
      'Selasa, 28 Juni 2022',
    ],
    [
      'the same instant an hour later in Makassar',
      at('2022-06-28T23:30'),
      'Asia/Makassar',
      'Rabu, 29 Juni 2022',
    ],
    ['the same instant in Jayapura', at('2022-06-28T23:30'), 'Asia/Jayapura', 'Rabu, 29 Juni 2022'],
  ])('should name the local day when it is %s', (_case, instant, zone, expected) => {
    expect(formatInstantDay(instant, zone, 'id')).toBe(expected);
  });
});

describe('zoneLabel', () => {
  const noon = at('2022-06-29T12:00');
  it.each<[string, string]>([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['Europe/Amsterdam', 'GMT+2'],
    ['UTC', 'UTC'],
  ])('should label %s as %s when the event is held there', (zone, label) => {
    expect(zoneLabel(zone, noon)).toBe(label);
  });
});

describe('formatTimeRange', () => {
  it.each<[string, number, number, string, Language, string]>([
    [
      'a morning session in WIB',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Jakarta',
      'id',
      '08.00–11.00 WIB',
    ],
    [
      'the same in English',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Jakarta',
      'en',
      '08:00–11:00 WIB',
    ],
    [
      'a WIB instant shown in Pontianak',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Pontianak',
      'id',
      '08.00–11.00 WIB',
    ],
    [
      'the same instants shown in a WITA event',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Makassar',
      'id',
      '09.00–12.00 WITA',
    ],
    [
      'the same instants shown in a WIT event',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Jayapura',
      'id',
      '10.00–13.00 WIT',
    ],
    [
      'an evening ending at midnight',
      at('2022-06-28T22:00'),
      at('2022-06-29T00:00'),
      'Asia/Jakarta',
      'id',
      '22.00–24.00 WIB',
    ],
    [
      'an evening window running past midnight',
      at('2022-06-28T19:00'),
      at('2022-06-29T01:00'),
      'Asia/Jakarta',
      'id',
      '19.00–01.00 WIB',
    ],
  ])('should write %s', (_case, start, end, zone, language, expected) => {
    expect(formatTimeRange(start, end, zone, language)).toBe(expected);
  });

  it('should pad hours and minutes when they have one digit', () => {
    expect(formatClock(at('2022-06-29T07:05'), 'Asia/Jakarta', 'id')).toBe('07.05');
  });
});

describe('formatWhen', () => {
  it.each<[string, number, number, string, Language, string]>([
    [
      'a session on one day',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Jakarta',
      'id',
      'Rabu, 29 Juni 2022 pukul 08.00–11.00 WIB',
    ],
    [
      'a session on one day, in English',
      at('2022-06-29T08:00'),
      at('2022-06-29T11:00'),
      'Asia/Jakarta',
      'en',
      'Wednesday, 29 June 2022, 08:00–11:00 WIB',
    ],
    [
      'the evening opening in a WITA event',
      at('2022-06-28T19:00', 'Asia/Makassar'),
      at('2022-06-28T21:00', 'Asia/Makassar'),
      'Asia/Makassar',
      'id',
      'Selasa, 28 Juni 2022 pukul 19.00–21.00 WITA',
    ],
    [
      'a session ending at midnight',
      at('2022-06-28T22:00'),
      at('2022-06-29T00:00'),
      'Asia/Jakarta',
      'id',
      'Selasa, 28 Juni 2022 pukul 22.00–24.00 WIB',
    ],
    [
      'a session over midnight',
      at('2022-06-28T23:00'),
      at('2022-06-29T01:00'),
      'Asia/Jakarta',
      'id',
      'Selasa, 28 Juni 2022 pukul 23.00 s.d. Rabu, 29 Juni 2022 pukul 01.00 WIB',
    ],
    [
      'a session over midnight, in English',
      at('2022-06-28T23:00', 'Asia/Jayapura'),
      at('2022-06-29T01:00', 'Asia/Jayapura'),
      'Asia/Jayapura',
      'en',
      'Tuesday, 28 June 2022, 23:00 to Wednesday, 29 June 2022, 01:00 WIT',
    ],
  ])('should write %s', (_case, start, end, zone, language, expected) => {
    expect(formatWhen(start, end, zone, language)).toBe(expected);
  });
});

describe('formatDateSpan', () => {
  it.each<[string, string, Language, string]>([
    ['2022-06-28', '2022-06-30', 'id', '28–30 Juni 2022'],
    ['2022-06-28', '2022-06-30', 'en', '28–30 June 2022'],
    ['2022-06-29', '2022-06-29', 'id', '29 Juni 2022'],
    ['2022-06-30', '2022-07-02', 'id', '30 Juni – 2 Juli 2022'],
    ['2022-12-31', '2023-01-02', 'id', '31 Desember 2022 – 2 Januari 2023'],
  ])('should write %s to %s in %s as "%s"', (start, end, language, expected) => {
    expect(formatDateSpan(start, end, language)).toBe(expected);
  });
});

describe('formatCount and formatList', () => {
  it.each<[number, Language, string]>([
    [200, 'id', '200'],
    [1250, 'id', '1.250'],
    [1250, 'en', '1,250'],
  ])('should group %d in %s as %s', (count, language, expected) => {
    expect(formatCount(count, language)).toBe(expected);
  });

  it.each<[string[], Language, string]>([
    [['narasumber'], 'id', 'narasumber'],
    [['narasumber', 'moderator'], 'id', 'narasumber dan moderator'],
    [['a', 'b', 'c'], 'id', 'a, b, dan c'],
    [['speaker', 'moderator'], 'en', 'speaker and moderator'],
  ])('should join %j in %s when listing', (parts, language, expected) => {
    expect(formatList(parts, language)).toBe(expected);
  });
});

describe('roleLabel', () => {
  it.each<[(typeof SESSION_ROLES)[number], string, string]>([
    ['speaker', 'narasumber', 'speaker'],
    ['moderator', 'moderator', 'moderator'],
    ['mc', 'pembawa acara', 'MC'],
    ['note_taker', 'notulis', 'note-taker'],
    ['official', 'pejabat', 'official'],
    ['reporter', 'pelapor', 'reporter'],
    ['panelist', 'panelis', 'panelist'],
  ])('should call %s "%s" and "%s" when writing a sentence', (role, id, en) => {
    expect([roleLabel(role, 'id'), roleLabel(role, 'en')]).toEqual([id, en]);
  });

  it('should have a label for every role when roles are added', () => {
    for (const role of SESSION_ROLES) expect(roleLabel(role, 'id')).not.toBe('');
  });
});
