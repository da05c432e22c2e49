import { describe, expect, it } from 'vitest';
import { formatFuzzyDate, parseFuzzyDate } from './fuzzy-date.ts';
import type { DatePrecision } from './fuzzy-date.types.ts';

type Expected = [text: string, start: string | null, end: string | null, precision: DatePrecision];

const cases: Expected[] = [
  ['31/12/14', '2014-12-31', '2014-12-31', 'day'],
  ['31.03.08', '2008-03-31', '2008-03-31', 'day'],
  ['4.12.14', '2014-12-04', '2014-12-04', 'day'],
  ['31December 07', '2007-12-31', '2007-12-31', 'day'],
  ['31 March 08', '2008-03-31', '2008-03-31', 'day'],
  ['31 May 2007', '2007-05-31', '2007-05-31', 'day'],
  ['14 March 2013', '2013-03-14', '2013-03-14', 'day'],
  ['6th December 2016', '2016-12-06', '2016-12-06', 'day'],
  ['2014-12-11', '2014-12-11', '2014-12-11', 'day'],
  ['Dec 09', '2009-12-01', '2009-12-31', 'month'],
  ['May 2009', '2009-05-01', '2009-05-31', 'month'],
  ['June 09', '2009-06-01', '2009-06-30', 'month'],
  ['May09', '2009-05-01', '2009-05-31', 'month'],
  ['Mar 2010', '2010-03-01', '2010-03-31', 'month'],
  ['Feb 2008', '2008-02-01', '2008-02-29', 'month'],
  ['From Apr 09', '2009-04-01', null, 'range'],
  ['April 2013 start', '2013-04-01', null, 'range'],
  ['April 2013 start - 1 year rolling programme', '2013-04-01', null, 'range'],
  ['Q3 2024/25', '2024-10-01', '2024-12-31', 'quarter'],
  ['Q3 2025/26', '2025-10-01', '2025-12-31', 'quarter'],
  ['Q4 2024/25', '2025-01-01', '2025-03-31', 'quarter'],
  ['Q1 2024', '2024-01-01', '2024-03-31', 'quarter'],
  ['2007-2008', '2007-01-01', '2008-12-31', 'range'],
  ['2008/09', '2008-04-01', '2009-03-31', 'financial_year'],
  ['2008/2009', '2008-04-01', '2009-03-31', 'financial_year'],
  ['In house review during 2007/08.', '2007-04-01', '2008-03-31', 'financial_year'],
  ['2009', '2009-01-01', '2009-12-31', 'year'],
  ['Ongoing', null, null, 'ongoing'],
  ['On-going', null, null, 'ongoing'],
  ['On going', null, null, 'ongoing'],
  ['On -going 2008/2009', '2008-04-01', '2009-03-31', 'ongoing'],
  ['Ongoing - Quarterly through the Member Development Charter Group', null, null, 'ongoing'],
  ['Quarterly', null, null, 'recurring'],
  ['Monthly', null, null, 'recurring'],
  ['Annually (May each year)', null, null, 'recurring'],
  ['Annual (next one due March 2014)', '2014-03-01', '2014-03-31', 'recurring'],
  ['April 2013 July 2013 October 2013', '2013-04-01', '2013-10-31', 'range'],
  ['Contract let 31December 2007 Development of Corporate Indicators set.', '2007-12-31', '2007-12-31', 'day'],
  ['Contract let Every quarter 2007-2010 01 April 2007 and review each year', '2007-01-01', '2010-12-31', 'recurring'],
  ['30 June 2007 31 July 2007 31 July 2007', '2007-06-30', '2007-07-31', 'range'],
  ['31 October 2007 31 July 2007', '2007-07-31', '2007-10-31', 'range'],
  ['31 March 2013 - Brief completed\nSeptember 2013 - opportunities finalised', '2013-03-31', '2013-09-30', 'range'],
  ['Autumn 2013', '2013-09-01', '2013-11-30', 'range'],
  ['May / June 2013', '2013-05-01', '2013-06-30', 'range'],
  ['Continuing Jun 09 Jun 09 Mar 2010', '2009-06-01', '2010-03-31', 'range'],
  ['1 set held in 2012/13 2 sets held in 2013/14', '2012-04-01', '2014-03-31', 'range'],
  ['See comment', null, null, 'unknown'],
  ['As opposite', null, null, 'unknown'],
  ['As per timetable', null, null, 'unknown'],
  ['Regular articles circulated.', null, null, 'unknown'],
  ['', null, null, 'unknown'],
  ['31/02/14', null, null, 'unknown'],
];

describe('parseFuzzyDate', () => {
  it.each(cases)('reads %j', (text, start, end, precision) => {
    expect(parseFuzzyDate(text)).toEqual({ text, start, end, precision });
  });

  it('puts quarters in a financial year that starts in July when told so', () => {
    expect(parseFuzzyDate('Q1 2024/25', { fyStartMonth: 7 })).toMatchObject({ start: '2024-07-01', end: '2024-09-30' });
    expect(parseFuzzyDate('2008/09', { fyStartMonth: 7 })).toMatchObject({ start: '2008-07-01', end: '2009-06-30' });
  });

  it('uses the reference date for a day or month written without a year', () => {
    expect(parseFuzzyDate('20th February', { referenceDate: '2017-01-10' })).toMatchObject({ start: '2017-02-20', precision: 'day' });
    expect(parseFuzzyDate('Annually (May each year)', { referenceDate: '2013-09-30' })).toMatchObject({
      start: '2013-05-01',
      precision: 'recurring',
    });
    expect(parseFuzzyDate('20th February')).toMatchObject({ start: null, precision: 'unknown' });
  });

  it('never throws, whatever it is given', () => {
    expect(parseFuzzyDate('\u0000\uFFFF 99/99/99 Q9 (((( 32 Smarch')).toMatchObject({ precision: 'unknown' });
    expect(parseFuzzyDate(undefined as unknown as string)).toMatchObject({ precision: 'unknown', start: null });
  });
});

describe('formatFuzzyDate', () => {
  it('shows the text as written', () => {
    expect(formatFuzzyDate(parseFuzzyDate('Dec 09'))).toBe('Dec 09');
  });

  it('renders dates as dd/MM/yyyy when there is no text', () => {
    expect(formatFuzzyDate({ text: '', start: '2014-03-31', end: '2014-03-31', precision: 'day' })).toBe('31/03/2014');
    expect(formatFuzzyDate({ text: '', start: '2014-04-01', end: '2015-03-31', precision: 'financial_year' })).toBe(
      '01/04/2014 – 31/03/2015',
    );
    expect(formatFuzzyDate({ text: '', start: null, end: null, precision: 'unknown' })).toBe('');
  });
});
