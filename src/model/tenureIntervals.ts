/**
 * The one rule for when a tenure counts as held. It runs when data is written (see
 * src/graph/recomputeTenureIntervals.ts), once per post, over all tenures of that post; its
 * result is stored on the tenures and every "as of" read compares against the stored days
 * through one Cypher predicate (cypher/fragments/tenure_held.cy). Nothing else decides it.
 *
 * Start: the stated start, else the earliest attestation (the earliest publication date of the
 * sources that support the tenure: known held then, not before). A tenure with a stated end that
 * is first attested after that end (someone elected who gave the seat up before the term began,
 * reported later) counts on no day: heldFrom and heldTo are both null.
 *
 * End: the stated end. Without one, in this order:
 * 1. a stated successor (SUCCEEDS; the earliest-starting one when several are stated): held
 *    until the day before the successor starts;
 * 2. the end of the term it belongs to, when the source states one (termEnd);
 * 3. only for a post with exactly one seat: the day before the next holder starts, that is the
 *    tenure of the post whose start comes first after this one's (the same person's next
 *    tenure, a re-appointment, counts too);
 * otherwise it is ongoing. A post with several or unknown seats never ends one holder's tenure
 * because another starts. A derived bound that would end a tenure before its own start
 * contradicts what is stated and is passed over.
 *
 * Partial dates cover every day they name: a tenure started "2026" counts on any day of 2026.
 */
import { firstDay, lastDay } from './partialDate.js';

export interface TenureFacts {
  id: string;
  startDate: string | null;
  endDate: string | null;
  termEnd: string | null;
  /** Publication dates of the sources that support the tenure (any order, partial dates). */
  sourceDates: ReadonlyArray<string>;
  /** Ids of the tenures this one is stated to succeed (SUCCEEDS); those of other posts are ignored. */
  succeeds: ReadonlyArray<string>;
}

export type EndBasis = 'STATED' | 'SUCCESSOR' | 'TERM' | 'NEXT_HOLDER';

export interface TenureInterval {
  id: string;
  /** The earliest attestation: the earliest publication date of a supporting source. */
  attestedFrom: string | null;
  /** The date the tenure counts from (stated start, else attestation), as partial date. */
  effectiveStart: string | null;
  /** The date it counts until: a stated end, or the start of what ends it (see endBasis). */
  effectiveEnd: string | null;
  endIsDerived: boolean;
  endBasis: EndBasis | null;
  /** First day held (YYYY-MM-DD); null when nothing dates the tenure, or it counts on no day. */
  heldFrom: string | null;
  /** Last day held, inclusive (YYYY-MM-DD), or null while ongoing. */
  heldTo: string | null;
  predecessorId: string | null;
  successorId: string | null;
}

/**
 * Intervals of all tenures of one post. `seats` is the post's number of seats, null when
 * unknown. The result has one entry per tenure, in the order given.
 */
export function tenureIntervals(seats: number | null, tenures: ReadonlyArray<TenureFacts>): TenureInterval[] {
  const starts = new Map(tenures.map((tenure) => [tenure.id, startOf(tenure)]));
  const ordered = tenures.filter((tenure) => starts.get(tenure.id) !== null).sort(byStartThenId(starts));
  const firstDayOf = (tenure: TenureFacts) => firstDay(starts.get(tenure.id) as string);

  // Stated successions within the post: the earliest-starting stated successor ends a tenure.
  const statedSuccessor = new Map<string, TenureFacts>();
  const statedPredecessor = new Map<string, string>();
  const ids = new Set(tenures.map((tenure) => tenure.id));
  for (const later of [...tenures].sort(byStartThenId(starts))) {
    for (const earlierId of [...later.succeeds].sort()) {
      if (!ids.has(earlierId)) continue;
      if (!statedSuccessor.has(earlierId)) statedSuccessor.set(earlierId, later);
      if (!statedPredecessor.has(later.id)) statedPredecessor.set(later.id, earlierId);
    }
  }

  // One seat: the next tenure is the one that starts first after this one starts.
  const next = (tenure: TenureFacts): TenureFacts | undefined =>
    seats === 1 && starts.get(tenure.id) !== null ? ordered.find((other) => firstDayOf(other) > firstDayOf(tenure)) : undefined;
  const previous = (tenure: TenureFacts): TenureFacts | undefined =>
    seats === 1 && starts.get(tenure.id) !== null ? ordered.filter((other) => firstDayOf(other) < firstDayOf(tenure)).at(-1) : undefined;

  return tenures.map((tenure) => {
    const effectiveStart = starts.get(tenure.id) ?? null;
    const heldFrom = effectiveStart === null ? null : firstDay(effectiveStart);
    const stated = statedSuccessor.get(tenure.id);
    const nextHolder = next(tenure);
    const interval: TenureInterval = {
      id: tenure.id,
      attestedFrom: earliest(tenure.sourceDates),
      effectiveStart,
      effectiveEnd: null,
      endIsDerived: false,
      endBasis: null,
      heldFrom,
      heldTo: null,
      predecessorId: statedPredecessor.get(tenure.id) ?? previous(tenure)?.id ?? null,
      successorId: (stated ?? nextHolder)?.id ?? null,
    };
    if (tenure.endDate !== null) {
      const heldTo = lastDay(tenure.endDate);
      const stated = { ...interval, effectiveEnd: tenure.endDate, endBasis: 'STATED' as const };
      return heldFrom !== null && heldFrom > heldTo ? { ...stated, heldFrom: null } : { ...stated, heldTo };
    }
    const startOfTenure = (other: TenureFacts | undefined) => (other === undefined ? null : starts.get(other.id) ?? null);
    const candidates: Array<{ basis: EndBasis; end: string | null; heldTo: (end: string) => string }> = [
      { basis: 'SUCCESSOR', end: startOfTenure(stated), heldTo: dayBefore },
      { basis: 'TERM', end: tenure.termEnd, heldTo: lastDay },
      { basis: 'NEXT_HOLDER', end: startOfTenure(nextHolder), heldTo: dayBefore },
    ];
    for (const candidate of candidates) {
      if (candidate.end === null) continue;
      const heldTo = candidate.heldTo(candidate.end);
      if (heldFrom !== null && heldTo < heldFrom) continue;
      return { ...interval, effectiveEnd: candidate.end, endIsDerived: true, endBasis: candidate.basis, heldTo };
    }
    return interval;
  });
}

/** Stated start, else the earliest attestation. */
function startOf(tenure: TenureFacts): string | null {
  return tenure.startDate ?? earliest(tenure.sourceDates);
}

function earliest(dates: ReadonlyArray<string>): string | null {
  let best: string | null = null;
  for (const date of dates) {
    if (best === null || firstDay(date) < firstDay(best) || (firstDay(date) === firstDay(best) && date < best)) best = date;
  }
  return best;
}

function byStartThenId(starts: ReadonlyMap<string, string | null>) {
  return (a: TenureFacts, b: TenureFacts): number => {
    const startA = starts.get(a.id) ?? null;
    const startB = starts.get(b.id) ?? null;
    if (startA === null || startB === null) return (startA === null ? 1 : 0) - (startB === null ? 1 : 0) || compare(a.id, b.id);
    return compare(firstDay(startA), firstDay(startB)) || compare(a.id, b.id);
  };
}

/** The day before the first day of a partial date: held until the successor's first possible day. */
function dayBefore(date: string): string {
  const day = new Date(`${firstDay(date)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
