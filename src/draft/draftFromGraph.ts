/**
 * Drafting against the graph: the gazetteer is read from the graph (so it grows with it), the
 * report is drafted, and every proposal is marked when the graph already has that entity or
 * fact. Read-only: three read queries, nothing written.
 */
import { badUserInput } from '../errors.js';
import type { GraphStore } from '../graph/graphStore.js';
import { formatPath } from '../ingest/validateDocument.js';
import { sourceSchema } from '../model/document.js';
import { draftDocument, type Draft, type DraftSource } from './draft.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';

/** Most entities a gazetteer reads from the graph. */
export const GAZETTEER_LIMIT = 500_000;

export async function loadGazetteer(store: GraphStore): Promise<Gazetteer> {
  const rows = await store.read('draft_gazetteer', { limit: GAZETTEER_LIMIT });
  return new Gazetteer(
    rows.map((row) => ({
      id: String(row.id),
      kind: row.kind as GazetteerEntry['kind'],
      name: String(row.name),
      aliases: (row.aliases as string[]) ?? [],
      orgType: (row.orgType as string | null) ?? null,
      role: (row.role as string | null) ?? null,
      organizationId: (row.organizationId as string | null) ?? null,
    })),
  );
}

/** Checks the source (BAD_USER_INPUT naming each bad field under "source."), then drafts. */
export async function draftFromGraph(store: GraphStore, input: unknown): Promise<Draft> {
  const parsed = sourceSchema.safeParse(input);
  if (!parsed.success) {
    throw badUserInput(parsed.error.issues.map((issue) => ({ path: formatPath(['source', ...issue.path]), message: issue.message })));
  }
  const gazetteer = await loadGazetteer(store);
  const draft = draftDocument(parsed.data as DraftSource, gazetteer);
  await markExisting(store, draft);
  return draft;
}

/** Sets `existing` on every proposal whose entity or fact the graph already holds. */
export async function markExisting(store: GraphStore, draft: Draft): Promise<void> {
  const entityIds = draft.proposals.filter((proposal) => proposal.target === 'ENTITY').map((proposal) => proposal.graphId);
  const facts = draft.proposals.filter((proposal) => proposal.target === 'FACT');
  const document = draft.document;
  const idOfRef = new Map(draft.proposals.filter((proposal) => proposal.ref !== null).map((proposal) => [proposal.ref as string, proposal.graphId]));
  const id = (reference: unknown) => idOfRef.get(String(reference)) ?? String(reference);
  const tenureIds: string[] = [];
  const groupIds: string[] = [];
  const participations: Array<{ key: string; person: string; event: string; role: string }> = [];
  const relations: Array<{ key: string; type: string; from: string; to: string }> = [];
  for (const proposal of facts) {
    const fact = document.facts[proposal.index] as Record<string, unknown>;
    if (fact.type === 'TENURE') tenureIds.push(proposal.graphId);
    else if (fact.type === 'GROUP_PARTICIPATION') groupIds.push(proposal.graphId);
    else if (fact.type === 'PARTICIPATION') participations.push({ key: proposal.graphId, person: id(fact.person), event: id(fact.event), role: String(fact.role) });
    else if (fact.type !== 'SUCCEEDS') relations.push({ key: proposal.graphId, type: String(fact.type), from: id(fact.from), to: id(fact.to) });
  }
  const [kinds, [found]] = await Promise.all([
    store.read('ingest_existing_kinds', { ids: entityIds }),
    store.read('draft_existing_facts', { tenureIds, groupIds, participations, relations }),
  ]);
  const existingEntities = new Map(kinds.map((row) => [String(row.id), String(row.kind)]));
  const existingFacts = new Set([...(found?.tenures as string[]), ...(found?.groups as string[]), ...(found?.participations as string[]), ...(found?.relations as string[])]);
  for (const proposal of draft.proposals) {
    proposal.existing = proposal.target === 'ENTITY' ? existingEntities.get(proposal.graphId) === proposal.kind : existingFacts.has(proposal.graphId);
  }
}
