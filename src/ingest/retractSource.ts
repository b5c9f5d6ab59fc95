/**
 * Takes a source back, in one write transaction: its evidence leaves every fact it supported,
 * the facts no other source supports are deleted, then the source, and then the entities that
 * are left with no mention and no fact. A fact from another report that points at an entity
 * only this source mentioned keeps that entity alive. The posts whose tenures lost support get
 * their intervals recomputed in the same transaction (an earliest attestation may be gone).
 */
import { notFound } from '../errors.js';
import type { GraphStore } from '../graph/graphStore.js';
import { recomputeTenureIntervals } from '../graph/recomputeTenureIntervals.js';
import { evidencePrefix } from './ingestDocument.js';

export interface RetractResult {
  sourceId: string;
  /** Facts deleted because this source was their only support. */
  factsRemoved: number;
  /** Facts that lost this source's evidence but stay, supported by another source. */
  factsKept: number;
  /** Ids of the entities deleted because nothing mentions or links them any more. */
  entitiesRemoved: string[];
}

export async function retractSource(store: GraphStore, sourceId: string): Promise<RetractResult> {
  return store.write(async (tx) => {
    const { rows } = await tx.run('retract_source', { id: sourceId, evidencePrefix: evidencePrefix(sourceId) });
    const row = rows[0];
    if (!row) throw notFound('source', sourceId);
    await recomputeTenureIntervals(tx, { postIds: row.affectedPostIds });
    return {
      sourceId,
      factsRemoved: row.factsRemoved,
      factsKept: row.factsKept,
      entitiesRemoved: [...row.entitiesRemoved].sort(),
    };
  });
}
