/**
 * Matching by identifier: before a document is written, an entity that names an identifier
 * ("wikidata:Q7747") which an entity of the same kind in the graph already has takes that
 * entity's id, so one person met in a Popolo file and in a Wikidata dump is one entity with
 * both sources' evidence. Runs inside the document's write transaction, before any write.
 */
import { badUserInput } from '../errors.js';
import type { WriteTransaction } from '../graph/graphStore.js';
import { exactIdentifierQuery } from '../model/identifiers.js';
import { validateDocument, type ValidDocument } from './validateDocument.js';

export async function matchExistingIdentifiers(tx: WriteTransaction, valid: ValidDocument): Promise<ValidDocument> {
  const { document, idsByRef } = valid;
  const open = document.entities.filter((entity) => entity.id === undefined && (entity.identifiers?.length ?? 0) > 0);
  const keys = [...new Set(open.flatMap((entity) => entity.identifiers ?? []))];
  if (keys.length === 0) return valid;
  const { rows } = await tx.run('entities_by_identifier', {
    identifiers: keys.map((key) => ({ key, query: exactIdentifierQuery(key) })),
  });
  const holders = new Map<string, Array<{ id: string; kind: string }>>();
  for (const row of rows) {
    const key = String(row.key);
    holders.set(key, [...(holders.get(key) ?? []), { id: String(row.id), kind: String(row.kind) }]);
  }
  let changed = false;
  const entities = document.entities.map((entity) => {
    if (entity.id !== undefined || entity.identifiers === undefined) return entity;
    const candidates = [
      ...new Set(entity.identifiers.flatMap((key) => (holders.get(key) ?? []).filter((holder) => holder.kind === entity.kind).map((holder) => holder.id))),
    ].sort();
    const own = idsByRef.get(entity.ref);
    if (candidates.length === 0 || (own !== undefined && candidates.includes(own))) return entity;
    changed = true;
    return { ...entity, id: candidates[0] as string };
  });
  if (!changed) return valid;
  // Ids changed, so the refs resolve anew (and two entities that now share an id are reported).
  const again = validateDocument({ ...document, entities });
  if (!again.ok) throw badUserInput(again.problems);
  return again.value;
}
