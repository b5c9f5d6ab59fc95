/**
 * Merges two entities that turned out to be the same (two spellings of one person, say), in
 * one write transaction. Every fact of `drop` moves onto `keep` with all its evidence; where
 * `keep` already had the same fact, the two become one fact listing the evidence of both.
 * drop's name and aliases become aliases of keep, and a redirect makes drop's id resolve to
 * keep from then on (reads and later ingests alike).
 *
 * Tenures are re-keyed: a tenure's id embeds the person and the post
 * (tenure:huang-qiang--secretary-...--2026), so drop's tenures get the id they would have had
 * under keep, and the old tenure ids redirect to the new ones. A later document that states the
 * same tenure of keep then matches it instead of creating a twin. Two tenures that became one,
 * or two holders that became one person, change a post's succession: the posts of the moved
 * tenures get their intervals recomputed in the same transaction.
 */
import { badUserInput, notFound } from '../errors.js';
import type { GraphStore } from '../graph/graphStore.js';
import { recomputeTenureIntervals } from '../graph/recomputeTenureIntervals.js';
import { tenureId } from '../model/ids.js';

export interface MergeResult {
  id: string;
  relationshipsMoved: number;
  tenuresMoved: number;
}

export async function mergeEntities(store: GraphStore, keep: string, drop: string): Promise<MergeResult> {
  if (keep === drop) {
    throw badUserInput([{ path: 'drop', message: `expected an id other than keep, but got: ${JSON.stringify(drop)}` }]);
  }
  return store.write(async (tx) => {
    const [check = { keepKind: null, dropKind: null, dropRedirectedTo: null }] = (await tx.run('merge_entities_check', { keep, drop })).rows;
    if (check.keepKind == null) throw notFound('entity', keep);
    if (check.dropKind == null) {
      if (check.dropRedirectedTo != null) {
        throw badUserInput([
          { path: 'drop', message: `was already merged into ${JSON.stringify(check.dropRedirectedTo)}, but got: ${JSON.stringify(drop)}` },
        ]);
      }
      throw notFound('entity', drop);
    }
    if (check.keepKind !== check.dropKind) {
      throw badUserInput([
        {
          path: 'drop',
          message: `expected an entity of the same kind as keep (${String(check.keepKind)}), but got: ${JSON.stringify(drop)} (a ${String(check.dropKind)})`,
        },
      ]);
    }
    if (check.keepKind === 'SOURCE') {
      throw badUserInput([{ path: 'drop', message: `expected an entity that is not a source (retract a source instead), but got: ${JSON.stringify(drop)}` }]);
    }

    const tenures = (await tx.run('merge_entity_tenures', { drop })).rows;
    const moves = tenures.map((row) => {
      const person = row.personId === drop ? keep : row.personId;
      const post = row.postId === drop ? keep : row.postId;
      return { old: row.id, new: tenureId(person, post, row.startDate ?? undefined), person, post };
    });
    await tx.run('merge_rekey_tenures', { moves });
    const pairs = [{ drop, keep }, ...moves.map((move) => ({ drop: move.old, keep: move.new }))];
    const moved = (await tx.run('merge_move_relationships', { pairs })).rows;
    await tx.run('merge_finish', { keep, drop, tenureMoves: moves.map((move) => ({ old: move.old, new: move.new })) });
    await recomputeTenureIntervals(tx, { postIds: [...moves.map((move) => move.post), ...(check.keepKind === 'POST' ? [keep] : [])] });
    return {
      id: keep,
      relationshipsMoved: moved.reduce((sum, row) => sum + row.moved, 0),
      tenuresMoved: moves.length,
    };
  });
}
