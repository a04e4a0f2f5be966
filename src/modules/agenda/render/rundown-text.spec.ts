import type { SessionRole } from '../../sessions/domain/session-kinds';
import {
  buildRundown,
  buildRundownItem,
  personHolder,
  teamHolder,
} from '../../../../test/support/rundown';
import { holderLines, itemNotes, rundownDays } from './rundown-text';

describe(holderLines.name, () => {
  it.each<[SessionRole, string]>([
    ['speaker', 'Narasumber: A'],
    ['moderator', 'Moderator: A'],
    ['mc', 'Pembawa Acara: A'],
    ['note_taker', 'Notulis: A'],
    ['official', 'Pejabat: A'],
    ['reporter', 'Pelapor: A'],
    ['panelist', 'Panelis: A'],
  ])('should label the %s as "%s" when it is the only holder', (role, expected) => {
    expect(holderLines([personHolder(role, 'A', 'person-a')])).toEqual([expected]);
  });

  it('should group names by role in program order when a role has several holders', () => {
    const lines = holderLines([
      personHolder('speaker', 'Dr. Drs. H. Suhajar Diantoro, M.Si', 'person-sekjen'),
      personHolder('moderator', 'Moh Ilham A Hamudy', 'person-moderator1'),
      teamHolder('speaker', 'Tim Grid Story Factory', 'org-grid'),
    ]);

    expect(lines).toEqual([
      'Narasumber: Dr. Drs. H. Suhajar Diantoro, M.Si; Tim Grid Story Factory',
      'Moderator: Moh Ilham A Hamudy',
    ]);
  });

  it('should give no line when the item has no holders', () => {
    expect(holderLines([])).toEqual([]);
  });
});

describe(itemNotes.name, () => {
  const speaker = personHolder('speaker', 'Benni Irwan', 'person-kapuspen');

  it('should leave out the room when every item is in the same room', () => {
    const item = buildRundownItem({ id: 'a', from: '2022-06-29T08:00', holders: [speaker] });

    expect(itemNotes(buildRundown({ items: [item] }))(item)).toEqual(['Narasumber: Benni Irwan']);
  });

  it('should name the room and the track when sessions run in parallel', () => {
    const first = buildRundownItem({
      id: 'a',
      from: '2022-06-29T08:00',
      holders: [speaker],
      track: 'Media Sosial',
    });
    const second = buildRundownItem({
      id: 'b',
      from: '2022-06-29T08:00',
      roomId: 'room-melati',
      roomName: 'Ruang Melati',
    });
    const notesOf = itemNotes(buildRundown({ items: [first, second] }));

    expect(notesOf(first)).toEqual([
      'Narasumber: Benni Irwan',
      'Ruang: Ballroom',
      'Jalur: Media Sosial',
    ]);
    expect(notesOf(second)).toEqual(['Ruang: Ruang Melati']);
  });
});

describe(rundownDays.name, () => {
  it('should group items under their local day in order when the event spans three days', () => {
    const days = rundownDays(buildRundown());

    expect(days.map((day) => [day.date, day.label, day.items.map((item) => item.id)])).toEqual([
      ['2022-06-28', 'Selasa, 28 Juni 2022', ['laporan', 'pembukaan', 'urgensi']],
      ['2022-06-29', 'Rabu, 29 Juni 2022', ['sesi-1', 'ishoma:2022-06-29', 'sesi-2']],
      ['2022-06-30', 'Kamis, 30 Juni 2022', ['penutupan']],
    ]);
  });
});
