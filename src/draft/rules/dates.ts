/**
 * Dates as reports state them, resolved against the publication date: "On February 11" (the
 * year of publication, or the year before when that day would come after publication), "On
 * the 15th" (the month of publication, or the month before), "February 11, 2026" (as stated),
 * "yesterday" and "today". An inferred part is said in the note.
 */
export interface StatedDate {
  /** Offsets of the date's words in the sentence it was found in. */
  index: number;
  length: number;
  /** ISO date, possibly partial; undefined when the year cannot be known. */
  date: string | undefined;
  note: string | undefined;
  rule: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((month) => month[0]!.toUpperCase() + month.slice(1));
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

export const DATE_RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  { rule: 'date-month-day-year', pattern: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?, (\\d{4})\\b`, 'g') },
  { rule: 'date-day-month-year', pattern: new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g') },
  { rule: 'date-month-day', pattern: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})`, 'g') },
  { rule: 'date-day-of-month', pattern: /\b[Oo]n the (\d{1,2})(?:st|nd|rd|th)\b/g },
  { rule: 'date-yesterday', pattern: /\byesterday\b/gi },
  { rule: 'date-today', pattern: /\btoday\b/gi },
];

const pad = (value: number) => String(value).padStart(2, '0');
const monthIndex = (word: string) => MONTHS.findIndex((month) => month.startsWith(word.toLowerCase().replace('.', '').slice(0, 3)));

/** The first stated date in a sentence, resolved; undefined when it states none. */
export function findDate(sentence: string, published: string | undefined): StatedDate | undefined {
  let best: StatedDate | undefined;
  for (const { rule, pattern } of DATE_RULES) {
    pattern.lastIndex = 0;
    const match = pattern.exec(sentence);
    if (!match) continue;
    const resolved = resolve(rule, match, published);
    if (resolved && (!best || match.index < best.index)) best = { index: match.index, length: match[0].length, ...resolved, rule };
  }
  return best;
}

function resolve(rule: string, match: RegExpExecArray, published: string | undefined): { date: string | undefined; note: string | undefined } | undefined {
  const pub = published ? parsePublished(published) : undefined;
  const unknownYear = { date: undefined, note: 'The year is not stated and the publication date is not known.' };
  switch (rule) {
    case 'date-month-day-year':
      return { date: `${match[3]}-${pad(monthIndex(match[1]!) + 1)}-${pad(Number(match[2]))}`, note: undefined };
    case 'date-day-month-year':
      return { date: `${match[3]}-${pad(monthIndex(match[2]!) + 1)}-${pad(Number(match[1]))}`, note: undefined };
    case 'date-month-day': {
      const month = monthIndex(match[1]!) + 1;
      const day = Number(match[2]);
      if (day < 1 || day > 31) return undefined;
      if (!pub?.year) return unknownYear;
      const afterPublication = pub.month !== undefined && (month > pub.month || (month === pub.month && pub.day !== undefined && day > pub.day));
      const year = afterPublication ? pub.year - 1 : pub.year;
      return {
        date: `${year}-${pad(month)}-${pad(day)}`,
        note: `The year is not stated; ${year} is ${afterPublication ? 'the year before' : 'the year of'} the publication date (${published}).`,
      };
    }
    case 'date-day-of-month': {
      const day = Number(match[1]);
      if (day < 1 || day > 31) return undefined;
      if (!pub?.year || pub.month === undefined) return { date: undefined, note: 'The month is not stated and the publication month is not known.' };
      let { year, month } = pub as { year: number; month: number };
      const before = pub.day !== undefined && day > pub.day;
      if (before) {
        month -= 1;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
      return {
        date: `${year}-${pad(month)}-${pad(day)}`,
        note: `Only the day ("the ${match[1]}th") is stated; the month and year are those ${before ? 'before' : 'of'} the publication date (${published}).`,
      };
    }
    case 'date-yesterday':
    case 'date-today': {
      if (!pub?.year || pub.month === undefined || pub.day === undefined) return undefined;
      const date = new Date(Date.UTC(pub.year, pub.month - 1, pub.day - (rule === 'date-yesterday' ? 1 : 0)));
      const iso = date.toISOString().slice(0, 10);
      return { date: iso, note: `"${match[0]}" is counted from the publication date (${published}).` };
    }
    default:
      return undefined;
  }
}

function parsePublished(published: string): { year: number; month?: number; day?: number } {
  const [year, month, day] = published.split('-').map(Number);
  return { year: year as number, month, day };
}

/** "February 2026" for a date, "2026" for a year. */
export function monthYear(date: string): string {
  const [year, month] = date.split('-');
  return month ? `${MONTH_NAMES[Number(month) - 1]} ${year}` : String(year);
}
