/**
 * Partial ISO 8601 dates ("2026", "2026-02", "2026-02-11") as used by the whole graph.
 * A partial date stands for an interval: "2026" is every day of 2026. Comparisons use the
 * interval's first or last day, which sort correctly as plain strings.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const PARTIAL_DATE_HINT = 'an ISO date like 2026, 2026-02 or 2026-02-11';

export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const dayNumber = Number(day);
  return dayNumber >= 1 && dayNumber <= daysInMonth(Number(year), monthNumber);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First day covered by a partial date: "2026" → "2026-01-01". */
export function firstDay(value: string): string {
  const [year, month = '01', day = '01'] = value.split('-');
  return `${year}-${month}-${day}`;
}

/** Last day covered by a partial date: "2026-02" → "2026-02-28". */
export function lastDay(value: string): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return `${year}-12-31`;
  if (day !== undefined) return value;
  const last = daysInMonth(Number(year), Number(month));
  return `${year}-${month}-${String(last).padStart(2, '0')}`;
}

/** The days a question asks about, first and last ('YYYY-MM-DD'); null leaves a side open. */
export interface DayRange {
  heldFirst: string | null;
  heldLast: string | null;
}

export const ALL_TIME: DayRange = Object.freeze({ heldFirst: null, heldLast: null });

/** Any day from `from` to `to` (partial dates, both covered whole); `at` is from = to = at. */
export function dayRange(from: string | null | undefined, to: string | null | undefined): DayRange {
  return { heldFirst: from ? firstDay(from) : null, heldLast: to ? lastDay(to) : null };
}
