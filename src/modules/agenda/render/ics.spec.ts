import ICAL from 'ical.js';
import {
  buildRundown,
  buildRundownItem,
  buildWitaRundown,
  workshopItems,
} from '../../../../test/support/rundown';
import { renderIcs } from './ics';

/** The calendar and its events as a client reads them. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function eventWithUid(text: string, uid: string) {
  const event = parseCalendar(text).events.find((candidate) => candidate.uid === uid);
  if (!event) throw new Error(`no VEVENT with UID ${uid}`);
  return event;
}

describe(renderIcs.name, () => {
  it('should write one VEVENT per item when the rundown has breaks and sessions', () => {
    const { events } = parseCalendar(renderIcs(buildRundown()));

    expect(events.map((event) => event.uid)).toEqual(
      workshopItems().map((item) => `${item.id}@rakor`),
    );
  });

  it('should give the session UTC instants, summary and sequence when it is 08.00–11.00 WIB', () => {
    const event = eventWithUid(renderIcs(buildRundown()), 'sesi-1@rakor');

    expect(event.startDate.toJSDate().toISOString()).toBe('2022-06-29T01:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2022-06-29T04:00:00.000Z');
    expect(event.startDate.zone.tzid).toBe('UTC');
    expect(event.summary).toBe('Sesi 1: Perencanaan Pengelolaan Media Sosial Pemerintah');
    expect(event.sequence).toBe(1);
    expect(event.location).toBe('Ballroom, El Royal Hotel, Jakarta Utara');
  });

  it('should list the role holders and the description when the session has them', () => {
    const event = eventWithUid(renderIcs(buildRundown()), 'sesi-1@rakor');

    expect(event.description).toBe(
      'Narasumber: Tim Grid Story Factory\nModerator: Moh Ilham A Hamudy\n\n' +
        'Praktik menyusun rencana konten bulanan.',
    );
  });

  it('should stamp every event with the rundown time when rendered', () => {
    const rundown = buildRundown();
    const { events } = parseCalendar(renderIcs(rundown));

    expect(
      events.map((event) =>
        (event.component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime(),
      ),
    ).toEqual(rundown.items.map(() => rundown.asOf));
  });

  it('should name the calendar after the event and publish it when no name is given', () => {
    const { calendar } = parseCalendar(renderIcs(buildRundown()));

    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(buildRundown().event.title);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Rakor//Susunan Acara//ID');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Jakarta');
  });

  it('should escape commas and semicolons in the calendar name when the option has them', () => {
    const { calendar } = parseCalendar(
      renderIcs(buildRundown(), { calendarName: 'Agenda Saya, Rakor; 2022' }),
    );

    // ical.js knows neither NAME nor X-WR-CALNAME, so it hands back the TEXT value as written.
    expect(calendar.getFirstPropertyValue('name')).toBe('Agenda Saya\\, Rakor\\; 2022');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Agenda Saya\\, Rakor\\; 2022');
  });

  it('should round-trip a long title with commas, semicolons and backslashes when folded', () => {
    const title =
      'Sesi 3: Pemetaan, Strategi; dan Publikasi \\ Media Sosial Pemerintah (lanjutan), ' +
      'bersama Biro Administrasi Pimpinan Setda Aceh; Kota Banda Aceh';
    const rundown = buildRundown({
      items: [buildRundownItem({ id: 'sesi-3', from: '2022-06-30T08:00', title })],
    });
    const text = renderIcs(rundown);

    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(eventWithUid(text, 'sesi-3@rakor').summary).toBe(title);
  });

  it('should give the UTC instant when the event is in WITA', () => {
    const event = eventWithUid(renderIcs(buildWitaRundown()), 'rakor-sulawesi@rakor');

    expect(event.startDate.toJSDate().toISOString()).toBe('2022-07-05T01:00:00.000Z');
  });

  it('should give the same text when the same rundown is rendered twice', () => {
    expect(renderIcs(buildRundown())).toBe(renderIcs(buildRundown()));
  });
});
