import { DateTime } from 'luxon';
import type {
  Rundown,
  RundownEvent,
  RundownHolder,
  RundownItem,
} from '../../src/modules/agenda/render/rundown';
import type { SessionRole } from '../../src/modules/sessions/domain/session-kinds';

/** Epoch ms of a local time ("2022-06-29T08:00") in a zone. */
export function localInstant(local: string, zone = 'Asia/Jakarta'): number {
  return DateTime.fromISO(local, { zone }).toMillis();
}

/** The reference workshop's header (Kemendagri, El Royal Hotel, 28–30 June 2022, WIB). */
export function buildRundownEvent(overrides: Partial<RundownEvent> = {}): RundownEvent {
  return {
    id: 'event-kehumasan-2022',
    slug: 'workshop-kehumasan-2022',
    title:
      'Rapat Koordinasi dan Workshop Pengelolaan Kehumasan di Lingkungan Kementerian Dalam Negeri dan Pemerintah Daerah',
    timeZone: 'Asia/Jakarta',
    startDate: '2022-06-28',
    endDate: '2022-06-30',
    venueName: 'El Royal Hotel',
    venueAddress: null,
    venueCity: 'Jakarta Utara',
    organizerName: 'Pusat Penerangan, Kementerian Dalam Negeri',
    ...overrides,
  };
}

/** A role holder who is a person. */
export function personHolder(role: SessionRole, name: string, personId: string): RundownHolder {
  return { role, name, personId, organizationId: null };
}

/** A role holder that is a team (an outside organization). */
export function teamHolder(role: SessionRole, name: string, organizationId: string): RundownHolder {
  return { role, name, personId: null, organizationId };
}

/**
 * A one-hour workshop item in the Ballroom, from a local start in the zone; override what the
 * test is about. `day` follows the start unless given.
 */
export function buildRundownItem(
  overrides: Partial<Omit<RundownItem, 'start' | 'end'>> & {
    id: string;
    /** Local start, "2022-06-29T08:00". */
    from: string;
    /** Local end; an hour after `from` when left out. */
    to?: string;
    timeZone?: string;
  },
): RundownItem {
  const { from, to, timeZone = 'Asia/Jakarta', ...rest } = overrides;
  const start = localInstant(from, timeZone);
  return {
    title: rest.id,
    type: 'workshop',
    description: null,
    start,
    end: to === undefined ? start + 3_600_000 : localInstant(to, timeZone),
    day: from.slice(0, 10),
    roomId: 'room-ballroom',
    roomName: 'Ballroom',
    track: null,
    holders: [],
    sequence: 0,
    ...rest,
  };
}

const SEKJEN = 'Dr. Drs. H. Suhajar Diantoro, M.Si';
const KAPUSPEN = 'Benni Irwan';
const MODERATOR = 'Moh Ilham A Hamudy';
const GRID = 'Tim Grid Story Factory';

/**
 * The reference workshop's items, as `demo/workshop-kehumasan-2022.json` has them: the evening
 * opening on 28 June from 19.00 WIB (the report, then the Secretary-General), the first session
 * on 29 June 08.00–11.00 WIB with its speakers and moderator, ISHOMA, and the closing on the 30th.
 */
export function workshopItems(): RundownItem[] {
  return [
    buildRundownItem({
      id: 'laporan',
      from: '2022-06-28T19:00',
      to: '2022-06-28T19:15',
      type: 'report',
      title: 'Laporan Kepala Pusat Penerangan Kemendagri',
      holders: [personHolder('reporter', KAPUSPEN, 'person-kapuspen')],
    }),
    buildRundownItem({
      id: 'pembukaan',
      from: '2022-06-28T19:15',
      to: '2022-06-28T19:45',
      type: 'opening',
      title: 'Pembukaan oleh Sekretaris Jenderal Kemendagri',
      holders: [personHolder('official', SEKJEN, 'person-sekjen')],
    }),
    buildRundownItem({
      id: 'urgensi',
      from: '2022-06-28T19:45',
      to: '2022-06-28T21:15',
      type: 'discussion',
      title: 'Urgensi Pengelolaan Media Sosial untuk Mendukung Program Prioritas Pemerintah',
      holders: [personHolder('speaker', SEKJEN, 'person-sekjen')],
    }),
    buildRundownItem({
      id: 'sesi-1',
      from: '2022-06-29T08:00',
      to: '2022-06-29T11:00',
      title: 'Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah',
      description: 'Praktik menyusun rencana konten bulanan.',
      holders: [
        teamHolder('speaker', GRID, 'org-grid'),
        personHolder('moderator', MODERATOR, 'person-moderator1'),
      ],
      sequence: 1,
    }),
    buildRundownItem({
      id: 'ishoma:2022-06-29',
      from: '2022-06-29T12:00',
      to: '2022-06-29T13:00',
      type: 'meal_prayer',
      title: 'ISHOMA',
    }),
    buildRundownItem({
      id: 'sesi-2',
      from: '2022-06-29T13:00',
      to: '2022-06-29T16:00',
      title: 'Sesi 2: Pemetaan dan Strategi Publikasi Melalui Media Sosial Pemerintah',
      holders: [teamHolder('speaker', GRID, 'org-grid')],
    }),
    buildRundownItem({
      id: 'penutupan',
      from: '2022-06-30T14:30',
      to: '2022-06-30T15:00',
      type: 'closing',
      title: 'Penutupan',
      holders: [personHolder('mc', 'Rina Marlina', 'person-mc')],
    }),
  ];
}

/**
 * The reference workshop's rundown, published as version 2 on 27 June 2022 at 10.00 WIB;
 * override what the test is about.
 */
export function buildRundown(overrides: Partial<Rundown> = {}): Rundown {
  return {
    event: buildRundownEvent(),
    version: 2,
    asOf: localInstant('2022-06-27T10:00'),
    person: null,
    items: workshopItems(),
    ...overrides,
  };
}

/** A one-day coordination meeting in Makassar (WITA), with one item 09.00–10.30 WITA. */
export function buildWitaRundown(): Rundown {
  const timeZone = 'Asia/Makassar';
  return buildRundown({
    event: buildRundownEvent({
      id: 'event-makassar',
      slug: 'rakor-makassar-2022',
      title: 'Rakor Kehumasan Regional Sulawesi',
      timeZone,
      startDate: '2022-07-05',
      endDate: '2022-07-05',
      venueName: 'Hotel Makassar',
      venueCity: 'Makassar',
    }),
    items: [
      buildRundownItem({
        id: 'rakor-sulawesi',
        from: '2022-07-05T09:00',
        to: '2022-07-05T10:30',
        timeZone,
        title: 'Sinergi Kehumasan Pemerintah Daerah se-Sulawesi',
      }),
    ],
  });
}

/** A rundown of `count` half-hour items over the event's days, to fill several printed pages. */
export function buildLongRundown(count: number): Rundown {
  const days = ['2022-06-28', '2022-06-29', '2022-06-30'];
  const perDay = Math.ceil(count / days.length);
  const items = Array.from({ length: count }, (_, index) => {
    const day = days[Math.floor(index / perDay)] ?? '2022-06-30';
    const minutes = (index % perDay) * 30;
    const from = DateTime.fromISO(`${day}T00:00`, { zone: 'Asia/Jakarta' }).plus({ minutes });
    return buildRundownItem({
      id: `item-${String(index + 1).padStart(3, '0')}`,
      from: from.toFormat("yyyy-MM-dd'T'HH:mm"),
      to: from.plus({ minutes: 30 }).toFormat("yyyy-MM-dd'T'HH:mm"),
      title: `Diskusi Kelompok ${index + 1}: Strategi Publikasi Media Sosial Pemerintah Daerah`,
      holders: [personHolder('speaker', `Narasumber ${index + 1}`, `person-${index + 1}`)],
    });
  });
  return buildRundown({ items });
}
