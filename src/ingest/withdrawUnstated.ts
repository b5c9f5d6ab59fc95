/**
 * Replacing what a source stated: when a data set is imported again (a newer dump of the same
 * file), the facts and mentions the earlier version stated and the new one does not lose this
 * source's evidence, inside the same write transaction. A fact no other source supports goes,
 * and an entity left with no mention and no fact goes with it, exactly as retractSource would
 * take them back.
 */
import type { WriteTransaction } from '../graph/graphStore.js';

export interface Withdrawn {
  /** Facts deleted: this source was their only support and no longer states them. */
  factsRemoved: number;
  /** Facts that lost this source's evidence but stay, supported by another source. */
  factsKept: number;
  /** Ids of entities deleted because nothing mentions or links them any more. */
  entitiesRemoved: string[];
}

type Row = Record<string, unknown>;

/** What the new version of the document writes, as ingestDocument built it (graph ids, redirects applied). */
export interface StatedFacts {
  sourceId: string;
  /** The JSON prefix of this source's evidence entries. */
  evidencePrefix: string;
  entityIds: string[];
  tenures: Row[];
  relations: Row[];
  participations: Row[];
  groups: Row[];
  successions: Row[];
}

/**
 * A relationship's key as withdraw_unstated computes it from the graph:
 * type|start id|end id|role (role only for participations).
 */
function factKey(type: string, from: unknown, to: unknown, role: unknown = ''): string {
  return `${type}|${String(from)}|${String(to)}|${String(role ?? '')}`;
}

export async function withdrawUnstated(tx: WriteTransaction, stated: StatedFacts): Promise<Withdrawn & { affectedPostIds: string[] }> {
  const factKeys = [
    ...stated.relations.map((row) => factKey(String(row.type), row.from, row.to)),
    ...stated.participations.map((row) => factKey('PARTICIPATED_IN', row.person, row.event, row.role)),
    ...stated.successions.map((row) => factKey('SUCCEEDS', row.from, row.to)),
    ...stated.tenures.flatMap((row) => (row.onBehalfOf === null || row.onBehalfOf === undefined ? [] : [factKey('ON_BEHALF_OF', row.id, row.onBehalfOf)])),
  ];
  const { rows } = await tx.run('withdraw_unstated', {
    sourceId: stated.sourceId,
    evidencePrefix: stated.evidencePrefix,
    entityIds: [...new Set(stated.entityIds)],
    tenureIds: [...new Set(stated.tenures.map((row) => String(row.id)))],
    groupIds: [...new Set(stated.groups.map((row) => String(row.id)))],
    factKeys: [...new Set(factKeys)],
  });
  const row = rows[0];
  return {
    factsRemoved: Number(row?.factsRemoved ?? 0),
    factsKept: Number(row?.factsKept ?? 0),
    entitiesRemoved: [...(row?.entitiesRemoved ?? [])].sort(),
    // The posts whose tenures lost this source or a succession: their intervals are recomputed after.
    affectedPostIds: [...(row?.affectedPostIds ?? [])],
  };
}
