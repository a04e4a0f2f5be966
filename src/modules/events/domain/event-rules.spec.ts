import {
  eventDatesRefusal,
  firstRepeatedName,
  registrationWindowRefusal,
  roomNameKey,
  slugify,
} from './event-rules';
import { DEFAULT_EVENT_SETTINGS, mergeEventSettings } from './event-settings';

describe('event rules', () => {
  it.each([
    [
      'Rapat Koordinasi dan Workshop Pengelolaan Kehumasan 2022',
      'rapat-koordinasi-dan-workshop-pengelolaan-kehumasan-2022',
    ],
    ['  Sosialisasi   UU PDP No. 27/2022 ', 'sosialisasi-uu-pdp-no-27-2022'],
    ['Bimtek Pemerintahan Désa — Angkatan II', 'bimtek-pemerintahan-desa-angkatan-ii'],
    ['!!!', ''],
    ['会議', ''],
  ])('should slugify %j as %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('should cut a long slug at a hyphen, within 100 characters', () => {
    const slug = slugify('Rapat Koordinasi '.repeat(12));
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith('rapat') || slug.endsWith('koordinasi')).toBe(true);
  });

  it('should cut a long slug without hyphens at 100 characters', () => {
    expect(slugify('a'.repeat(150))).toBe('a'.repeat(100));
  });

  it.each([
    ['2022-06-28', '2022-06-30', undefined],
    ['2022-06-28', '2022-06-28', undefined],
    ['2022-06-01', '2022-07-01', undefined],
    ['2022-06-30', '2022-06-28', 'endDate 2022-06-28 is before startDate 2022-06-30.'],
    [
      '2022-06-01',
      '2022-07-02',
      'An event lasts at most 31 days; 2022-06-01 to 2022-07-02 is 32 days.',
    ],
  ])('should judge the dates %s to %s', (start, end, refusal) => {
    expect(eventDatesRefusal(start, end)).toBe(refusal);
  });

  it.each([
    [null, null, undefined],
    ['2022-06-01T08:00:00Z', null, undefined],
    ['2022-06-01T08:00:00Z', '2022-06-20T08:00:00Z', undefined],
    [
      '2022-06-01T08:00:00Z',
      '2022-06-01T08:00:00Z',
      'registrationClosesAt must be after registrationOpensAt.',
    ],
  ])('should judge the window %s to %s', (opens, closes, refusal) => {
    expect(
      registrationWindowRefusal(opens ? new Date(opens) : null, closes ? new Date(closes) : null),
    ).toBe(refusal);
  });

  it('should find rooms whose names differ only in case, accents or spacing', () => {
    expect(firstRepeatedName(['Ballroom', 'Ruang Rapat', 'ruang  RAPAT'])).toBe(2);
    expect(firstRepeatedName(['Ruang Séminar', 'Ruang Seminar'])).toBe(1);
    expect(firstRepeatedName(['Ballroom', 'Ruang Rapat'])).toBeUndefined();
    expect(roomNameKey('!!!')).toBe('!!!');
  });

  it('should merge a settings change over the current settings', () => {
    expect(
      mergeEventSettings(DEFAULT_EVENT_SETTINGS, {
        approvalRequired: true,
        defaultDelegationSeats: undefined,
      }),
    ).toEqual({ ...DEFAULT_EVENT_SETTINGS, approvalRequired: true });
  });
});
