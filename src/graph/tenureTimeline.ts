/**
 * Works out, for all tenures of one post, when each counts as held and who came before and
 * after whom. The rules, also stated in the schema:
 * - a tenure starts at its startDate, else at its earliest attestation (the earliest
 *   publishedDate of its sources): we know it was held then, not before;
 * - it ends at its endDate, else when the next holder's tenure starts, else it is ongoing;
 * - the next holder is the one stated (SUCCEEDS), else the next tenure of the post by start
 *   held by another person; tenures starting on the same first day do not succeed each other.
 * Partial dates cover every day they name, so "2026" overlaps any day of 2026.
 */
import { firstDay, lastDay } from '../model/partialDate.js';
import type { TenureRecord } from './records.js';

export interface ResolvedTenure extends TenureRecord {
  effectiveStart: string | null;
  effectiveEnd: string | null;
  /** True when effectiveEnd is the successor's start rather than a stated end. */
  endIsDerived: boolean;
  predecessorId: string | null;
  successorId: string | null;
}

export function resolvePostTenures(records: ReadonlyArray<TenureRecord>): Map<string, ResolvedTenure> {
  const resolved = new Map<string, ResolvedTenure>();
  for (const record of records) {
    // Absent properties come back as undefined; the rules below speak of null.
    const startDate = record.startDate ?? null;
    const endDate = record.endDate ?? null;
    const attestedFrom = record.attestedFrom ?? null;
    resolved.set(record.id, {
      ...record,
      startDate,
      endDate,
      attestedFrom,
      succeeds: record.succeeds ?? [],
      effectiveStart: startDate ?? attestedFrom,
      effectiveEnd: endDate,
      endIsDerived: false,
      predecessorId: null,
      successorId: null,
    });
  }
  const link = (earlier: ResolvedTenure, later: ResolvedTenure) => {
    later.predecessorId = earlier.id;
    earlier.successorId = later.id;
  };
  for (const tenure of resolved.values()) {
    for (const earlierId of tenure.succeeds) {
      const earlier = resolved.get(earlierId);
      if (earlier) link(earlier, tenure);
    }
  }
  const ordered = [...resolved.values()]
    .filter((tenure) => tenure.effectiveStart !== null)
    .sort((a, b) => compare(firstDay(a.effectiveStart as string), firstDay(b.effectiveStart as string)) || compare(a.id, b.id));
  for (let index = 1; index < ordered.length; index += 1) {
    const later = ordered[index] as ResolvedTenure;
    if (later.predecessorId !== null) continue;
    const laterStart = firstDay(later.effectiveStart as string);
    for (let back = index - 1; back >= 0; back -= 1) {
      const earlier = ordered[back] as ResolvedTenure;
      if (firstDay(earlier.effectiveStart as string) >= laterStart) continue;
      if (earlier.personId === later.personId || earlier.successorId !== null) break;
      link(earlier, later);
      break;
    }
  }
  for (const tenure of resolved.values()) {
    if (tenure.effectiveEnd !== null || tenure.successorId === null) continue;
    const successor = resolved.get(tenure.successorId);
    if (successor?.effectiveStart) {
      tenure.effectiveEnd = successor.effectiveStart;
      tenure.endIsDerived = true;
    }
  }
  return resolved;
}

/** Whether a tenure counts as held on (any day of) the partial date `at`. */
export function isHeldAt(tenure: ResolvedTenure, at: string): boolean {
  return isHeldDuring(tenure, at, at);
}

/**
 * Whether a tenure counts as held on any day from `from` to `to` (partial dates, both ends
 * included; null leaves that end open).
 */
export function isHeldDuring(tenure: ResolvedTenure, from: string | null, to: string | null): boolean {
  if (tenure.effectiveStart === null) return false;
  if (to !== null && firstDay(tenure.effectiveStart) > lastDay(to)) return false;
  if (tenure.effectiveEnd === null || from === null) return true;
  if (tenure.endIsDerived) return firstDay(from) < firstDay(tenure.effectiveEnd);
  return lastDay(tenure.effectiveEnd) >= firstDay(from);
}

/** Tenures of one post in order of succession (by start, then id; unknown starts last). */
export function inSuccessionOrder(tenures: Iterable<ResolvedTenure>): ResolvedTenure[] {
  return [...tenures].sort((a, b) => {
    if (a.effectiveStart === null || b.effectiveStart === null) {
      return (a.effectiveStart === null ? 1 : 0) - (b.effectiveStart === null ? 1 : 0) || compare(a.id, b.id);
    }
    return compare(firstDay(a.effectiveStart), firstDay(b.effectiveStart)) || compare(a.id, b.id);
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
