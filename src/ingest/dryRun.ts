/**
 * Dry runs: what ingesting a document would change, found by doing it (the same validation, the
 * same write code, writeValidDocument) inside one write transaction that is then rolled back.
 * Before and after the writes, still inside that transaction, it reads which facts the source
 * already supported and the stored intervals of the tenures of the document's posts, so the
 * answer says which entities and facts are new, which facts gain this source's evidence, which
 * already had it, and which tenure intervals would move.
 */
import type { RowOf } from '../graph/cypherQueries.js';
import type { ParticipationRole } from '../model/document.js';
import type { GraphStore, WriteTransaction } from '../graph/graphStore.js';
import type { ValidDocument } from './validateDocument.js';
import { prepareAndWrite, sourceIdOf, type IngestOptions, type IngestResult } from './ingestDocument.js';

/** A fact as graph edges show it: its edge id, type and ends (a tenure is HOLDS person → post). */
export interface FactChange {
  id: string;
  type: string;
  source: string;
  target: string;
  role: ParticipationRole | null;
}

export interface HeldInterval {
  effectiveStart: string | null;
  effectiveEnd: string | null;
  heldFrom: string | null;
  heldTo: string | null;
}

export interface IntervalMove {
  tenure: string;
  person: string;
  post: string;
  /** Null for a tenure the document creates. */
  before: HeldInterval | null;
  after: HeldInterval;
}

export interface IngestChanges {
  entitiesCreated: string[];
  entitiesMatched: string[];
  factsCreated: FactChange[];
  /** Facts already in the graph that this source does not support yet. */
  factsGainingEvidence: FactChange[];
  /** Facts this source already supports (its evidence would be refreshed, nothing else). */
  factsUnchanged: FactChange[];
  intervalsMoved: IntervalMove[];
}

export interface DryRunResult extends IngestResult {
  dryRun: true;
  changes: IngestChanges;
}

export async function dryRunValidDocument(store: GraphStore, valid: ValidDocument, options: IngestOptions = {}): Promise<DryRunResult> {
  return store.writeRolledBack(async (tx) => {
    const sourceId = sourceIdOf(valid);
    const postIds = documentPostIds(valid);
    const prior = await tx.run('source_facts', { sourceIds: [sourceId] });
    const priorKeys = new Set(prior.rows.map((row) => edgeKey(row.edge.type, row.edge.source, row.edge.target, row.edge.properties.role, row.edge.properties.id)));
    const before = await tx.run('post_tenure_intervals', { postIds });

    const recorded: Array<{ name: string; params: unknown; rows: unknown[] }> = [];
    const recorder: WriteTransaction = {
      run: async (name, params) => {
        const result = await tx.run(name, params);
        recorded.push({ name, params, rows: result.rows });
        return result;
      },
    };
    const result = await prepareAndWrite(recorder, valid, options);
    const after = await tx.run('post_tenure_intervals', { postIds });

    const entityRows = rowsOf<'ingest_entities'>(recorded, 'ingest_entities');
    const facts = factChanges(recorded);
    const changes: IngestChanges = {
      entitiesCreated: entityRows.filter((row) => row.created).map((row) => row.id),
      entitiesMatched: entityRows.filter((row) => !row.created).map((row) => row.id),
      factsCreated: facts.filter((fact) => fact.created).map((fact) => fact.change),
      factsGainingEvidence: facts.filter((fact) => !fact.created && !priorKeys.has(fact.change.id)).map((fact) => fact.change),
      factsUnchanged: facts.filter((fact) => !fact.created && priorKeys.has(fact.change.id)).map((fact) => fact.change),
      intervalsMoved: movedIntervals(before.rows, after.rows),
    };
    return { ...result, dryRun: true as const, changes };
  }, options);
}

/** The posts the document names (as POST entities or in tenures), as graph ids. */
function documentPostIds(valid: ValidDocument): string[] {
  const id = (reference: string) => valid.idsByRef.get(reference) ?? reference;
  const ids = [
    ...valid.document.entities.filter((entity) => entity.kind === 'POST').map((entity) => id(entity.ref)),
    ...valid.document.facts.flatMap((fact) => (fact.type === 'TENURE' ? [id(fact.post)] : [])),
  ];
  return [...new Set(ids)];
}

function rowsOf<Name extends 'ingest_entities' | 'ingest_tenures' | 'ingest_relations' | 'ingest_participations' | 'ingest_participant_groups' | 'ingest_successions'>(
  recorded: ReadonlyArray<{ name: string; rows: unknown[] }>,
  name: Name,
): Array<RowOf<Name>> {
  return recorded.filter((entry) => entry.name === name).flatMap((entry) => entry.rows as Array<RowOf<Name>>);
}

function paramsOf(recorded: ReadonlyArray<{ name: string; params: unknown }>, name: string, list: string): Array<Record<string, unknown>> {
  return recorded.filter((entry) => entry.name === name).flatMap((entry) => ((entry.params as Record<string, unknown>)[list] as Array<Record<string, unknown>>) ?? []);
}

/** Edge ids as src/graph/graphElements.ts makes them. */
function edgeKey(type: string, source: string, target: string, role: unknown, id: unknown): string {
  if (type === 'HOLDS') return String(id);
  if (type === 'HAS_PARTICIPANT_GROUP') return target;
  const base = `${type.toLowerCase()}:${source}->${target}`;
  return type === 'PARTICIPATED_IN' ? `${base}:${String(role).toLowerCase()}` : base;
}

function factChanges(recorded: ReadonlyArray<{ name: string; params: unknown; rows: unknown[] }>): Array<{ created: boolean; change: FactChange }> {
  const changes: Array<{ created: boolean; change: FactChange }> = [];
  const change = (type: string, source: string, target: string, role: ParticipationRole | null, id?: string) => ({
    id: edgeKey(type, source, target, role, id),
    type,
    source,
    target,
    role,
  });
  const tenures = new Map(paramsOf(recorded, 'ingest_tenures', 'tenures').map((tenure) => [String(tenure.id), tenure]));
  for (const row of rowsOf(recorded, 'ingest_tenures')) {
    const tenure = tenures.get(row.id);
    changes.push({ created: row.created, change: change('HOLDS', String(tenure?.person), String(tenure?.post), null, row.id) });
  }
  for (const row of rowsOf(recorded, 'ingest_relations')) changes.push({ created: row.created, change: change(row.type, row.from, row.to, null) });
  for (const row of rowsOf(recorded, 'ingest_participations')) changes.push({ created: row.created, change: change('PARTICIPATED_IN', row.person, row.event, row.role) });
  const groups = new Map(paramsOf(recorded, 'ingest_participant_groups', 'groups').map((group) => [String(group.id), group]));
  for (const row of rowsOf(recorded, 'ingest_participant_groups')) {
    const role = groups.get(row.id)?.role as ParticipationRole | undefined;
    changes.push({ created: row.created, change: change('HAS_PARTICIPANT_GROUP', String(groups.get(row.id)?.event), row.id, role ?? null) });
  }
  for (const row of rowsOf(recorded, 'ingest_successions')) changes.push({ created: row.created, change: change('SUCCEEDS', row.from, row.to, null) });
  return changes;
}

type IntervalRow = RowOf<'post_tenure_intervals'>;

function movedIntervals(before: IntervalRow[], after: IntervalRow[]): IntervalMove[] {
  const interval = (row: IntervalRow): HeldInterval => ({
    effectiveStart: row.effectiveStart ?? null,
    effectiveEnd: row.effectiveEnd ?? null,
    heldFrom: row.heldFrom ?? null,
    heldTo: row.heldTo ?? null,
  });
  const earlier = new Map(before.map((row) => [row.id, interval(row)]));
  const moves: IntervalMove[] = [];
  for (const row of after) {
    const now = interval(row);
    const then = earlier.get(row.id) ?? null;
    if (then && JSON.stringify(then) === JSON.stringify(now)) continue;
    moves.push({ tenure: row.id, person: row.personId, post: row.postId, before: then, after: now });
  }
  return moves;
}
