/**
 * The shared last step of every write that can change when tenures count as held: ingest,
 * retraction, merge and every importer. Inside the caller's write transaction it reads all
 * tenures of the affected posts, applies the one interval rule (src/model/tenureIntervals.ts)
 * and stores the result on the tenures, so reads only compare dates. It then rewrites the posts'
 * derived (person)-[:HOLDS_POST]->(post) links (cypher/holds_post_store.cy), which carry the same
 * held days so that a path search crosses a tenure in one step.
 */
import { tenureIntervals, type TenureFacts } from '../model/tenureIntervals.js';
import type { RowOf, StoredHeldDays } from './cypherQueries.js';
import type { WriteTransaction } from './graphStore.js';

export interface AffectedTenures {
  /** Posts whose tenures, seats or supporting sources changed. */
  postIds: Iterable<string>;
  /** Tenures whose successions changed; their posts are recomputed too. */
  tenureIds?: Iterable<string>;
}

export interface IntervalChange {
  id: string;
  before: HeldDays;
  after: HeldDays;
}

export interface HeldDays {
  heldFrom: string | null;
  heldTo: string | null;
  predecessorId: string | null;
  successorId: string | null;
}

/** Recomputes and stores the intervals of every tenure of the affected posts; returns what moved. */
export async function recomputeTenureIntervals(tx: WriteTransaction, affected: AffectedTenures): Promise<IntervalChange[]> {
  const postIds = [...new Set(affected.postIds)];
  const tenureIds = [...new Set(affected.tenureIds ?? [])];
  if (postIds.length === 0 && tenureIds.length === 0) return [];
  const { rows } = await tx.run('tenure_interval_inputs', { postIds, tenureIds });
  const intervals = rows.flatMap((row) => {
    return tenureIntervals(row.seats ?? null, row.tenures.map(toTenureFacts));
  });
  const stored = intervals.length === 0 ? { rows: [] } : await tx.run('tenure_intervals_store', { intervals });
  // After the held days: the walk's one-step links copy them (a post left with no tenure loses its links).
  if (rows.length > 0) await tx.run('holds_post_store', { postIds: rows.map((row) => row.postId) });
  return stored.rows.map((row) => ({
    id: row.id,
    before: heldDays(row.before),
    after: heldDays(row.after),
  }));
}

function toTenureFacts(record: RowOf<'tenure_interval_inputs'>['tenures'][number]): TenureFacts {
  return {
    id: record.id,
    startDate: record.startDate ?? null,
    endDate: record.endDate ?? null,
    termEnd: record.termEnd ?? null,
    sourceDates: record.sourceDates,
    succeeds: record.succeeds,
  };
}

function heldDays(stored: StoredHeldDays): HeldDays {
  return {
    heldFrom: stored.heldFrom ?? null,
    heldTo: stored.heldTo ?? null,
    predecessorId: stored.predecessorId ?? null,
    successorId: stored.successorId ?? null,
  };
}
