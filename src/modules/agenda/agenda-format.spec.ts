import { negotiateAgendaFormat } from './agenda-format';

describe('negotiateAgendaFormat', () => {
  it.each([
    [undefined, 'json', 'json'],
    ['', 'json', 'json'],
    ['*/*', 'ics', 'ics'],
    ['text/calendar', 'json', 'ics'],
    ['application/pdf', 'json', 'pdf'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'json', 'html'],
    ['text/csv;q=0.5, application/json', 'json', 'json'],
    ['text/*', 'json', 'ics'],
    ['text/*', 'csv', 'csv'],
    ['application/json;q=0, text/calendar;q=0.1', 'json', 'ics'],
    ['image/png', 'json', null],
    ['application/json;q=0', 'json', null],
  ] as const)(
    'should pick the format when Accept is %p and the fallback %p',
    (accept, fallback, expected) => {
      expect(negotiateAgendaFormat(accept, fallback)).toBe(expected);
    },
  );
});
