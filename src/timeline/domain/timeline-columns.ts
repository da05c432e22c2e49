import {
  addDays,
  addWeeks,
  format,
  getISOWeek,
  getISOWeekYear,
  lastDayOfMonth,
  parseISO,
  startOfISOWeek,
} from 'date-fns';
import { dayNumber } from '../../relations/domain/day-number.ts';
import { financialYearLabel, financialYearMonths, financialYearOf } from './financial-year-months.ts';

export type TimelineZoom = 'quarter' | 'month' | 'week';

export interface TimelineColumn {
  /** 'YYYY-MM' (month), '2007-Q1' (first quarter of the financial year 2007/08) or '2007-W27' (ISO week). */
  key: string;
  /** Self-contained, for table headers: "Jul 2007", "Q1 2007/08", "w/c 2 Jul 2007". */
  label: string;
  /** Short, for the chart's header: "Jul", "Q1", "2". */
  shortLabel: string;
  /** First and last day, ISO. */
  start: string;
  end: string;
  /** The months ('YYYY-MM') the column touches. */
  months: string[];
  /** First and last day as day numbers (days since 1970-01-01), for quick placing. */
  startDay: number;
  endDay: number;
}

export interface ColumnGroup { label: string; startIndex: number; span: number }
export interface ColumnGroupRow { name: 'financial_year' | 'quarter' | 'month'; groups: ColumnGroup[] }

export interface TimelineColumns { columns: TimelineColumn[]; groupRows: ColumnGroupRow[] }

/** The columns over the whole financial years of the period, at the zoom asked for, with their header groups. */
export function buildColumns(
  startIso: string,
  endIso: string,
  fyStartMonth: number,
  zoom: TimelineZoom,
): TimelineColumns {
  const months = financialYearMonths(startIso, endIso, fyStartMonth);
  const firstDay = `${months[0]}-01`;
  // A week counts in the month and year of its Monday ("w/c"), except the first, which may begin before the grid.
  const anchor = (column: TimelineColumn) => (column.start < firstDay ? firstDay : column.start);
  const fyOf = (column: TimelineColumn) =>
    financialYearLabel(financialYearOf(anchor(column), fyStartMonth), fyStartMonth);
  if (zoom === 'quarter') {
    const columns = quarterColumns(months, fyStartMonth);
    return { columns, groupRows: [{ name: 'financial_year', groups: groupsOf(columns, fyOf) }] };
  }
  if (zoom === 'week') {
    const columns = weekColumns(months);
    const monthOf = (column: TimelineColumn) => format(parseISO(anchor(column)), 'MMM yyyy');
    const groupRows: ColumnGroupRow[] = [
      { name: 'financial_year', groups: groupsOf(columns, fyOf) },
      { name: 'month', groups: groupsOf(columns, monthOf) },
    ];
    return { columns, groupRows };
  }
  const columns = months.map((month) => monthColumn(month));
  const quarterOf = (column: TimelineColumn) => `Q${quarterIndex(column.start, fyStartMonth)} ${fyOf(column)}`;
  const groupRows: ColumnGroupRow[] = [
    { name: 'financial_year', groups: groupsOf(columns, fyOf) },
    { name: 'quarter', groups: groupsOf(columns, quarterOf) },
  ];
  return { columns, groupRows };
}

/** Where a day falls, in columns from the left edge (2.5 = halfway through the third column); null outside. */
export function columnPosition(
  columns: readonly TimelineColumn[],
  iso: string | null,
  endOfDay = false,
): number | null {
  const day = dayNumber(iso) + (endOfDay ? 1 : 0);
  if (Number.isNaN(day)) return null;
  let low = 0;
  let high = columns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const column = columns[middle] as TimelineColumn;
    const [first, afterLast] = [column.startDay, column.endDay + 1];
    if (day < first) high = middle - 1;
    else if (day > afterLast || (day === afterLast && middle < columns.length - 1)) low = middle + 1;
    else return middle + (day - first) / (afterLast - first);
  }
  return null;
}

function monthColumn(month: string): TimelineColumn {
  const first = parseISO(`${month}-01`);
  const [label, shortLabel] = [format(first, 'MMM yyyy'), format(first, 'MMM')];
  const end = format(lastDayOfMonth(first), 'yyyy-MM-dd');
  const start = `${month}-01`;
  return { key: month, label, shortLabel, start, end, months: [month], ...days(start, end) };
}

function quarterColumns(months: readonly string[], fyStartMonth: number): TimelineColumn[] {
  const columns: TimelineColumn[] = [];
  for (let index = 0; index + 2 < months.length; index += 3) {
    const three = months.slice(index, index + 3);
    const [first, last] = [monthColumn(three[0] as string), monthColumn(three[2] as string)];
    const fyStart = financialYearOf(first.start, fyStartMonth);
    const quarter = quarterIndex(first.start, fyStartMonth);
    const label = `Q${quarter} ${financialYearLabel(fyStart, fyStartMonth)}`;
    const [start, end] = [first.start, last.end];
    const key = `${fyStart}-Q${quarter}`;
    columns.push({ key, label, shortLabel: `Q${quarter}`, start, end, months: three, ...days(start, end) });
  }
  return columns;
}

function weekColumns(months: readonly string[]): TimelineColumn[] {
  const lastDay = monthColumn(months.at(-1) as string).end;
  const columns: TimelineColumn[] = [];
  let monday = startOfISOWeek(parseISO(`${months[0]}-01`));
  while (format(monday, 'yyyy-MM-dd') <= lastDay) {
    const sunday = addDays(monday, 6);
    const key = `${getISOWeekYear(monday)}-W${String(getISOWeek(monday)).padStart(2, '0')}`;
    const [label, shortLabel] = [`w/c ${format(monday, 'd MMM yyyy')}`, format(monday, 'd')];
    const [start, end] = [format(monday, 'yyyy-MM-dd'), format(sunday, 'yyyy-MM-dd')];
    const touched = [...new Set([format(monday, 'yyyy-MM'), format(sunday, 'yyyy-MM')])];
    columns.push({ key, label, shortLabel, start, end, months: touched, ...days(start, end) });
    monday = addWeeks(monday, 1);
  }
  return columns;
}

function days(start: string, end: string): { startDay: number; endDay: number } {
  return { startDay: dayNumber(start), endDay: dayNumber(end) };
}

function quarterIndex(iso: string, fyStartMonth: number): number {
  const month = parseISO(iso).getMonth() + 1;
  return Math.floor((((month - fyStartMonth + 12) % 12) / 3)) + 1;
}

function groupsOf(columns: readonly TimelineColumn[], labelOf: (column: TimelineColumn) => string): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  columns.forEach((column, index) => {
    const label = labelOf(column);
    const last = groups.at(-1);
    if (last && last.label === label) last.span += 1;
    else groups.push({ label, startIndex: index, span: 1 });
  });
  return groups;
}
