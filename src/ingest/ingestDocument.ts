/**
 * Writes one validated ingest document in one write transaction: the source, the entities it
 * mentions, then every fact with this source's evidence. Any failure rolls the whole document
 * back; the same document twice changes nothing the second time.
 */
import { badUserInput, type FieldProblem } from '../errors.js';
import type { GraphStore, WriteTransaction } from '../graph/graphStore.js';
import { recomputeTenureIntervals, type IntervalChange } from '../graph/recomputeTenureIntervals.js';
import { KIND_LABELS, type IngestEntity } from '../model/document.js';
import { participantGroupId, slugify, tenureId } from '../model/ids.js';
import { withoutUndefined } from '../model/withoutUndefined.js';
import { passageRows } from '../passages/splitPassages.js';
import { dryRunValidDocument, type DryRunResult } from './dryRun.js';
import { validateDocument, type ValidDocument } from './validateDocument.js';
import { matchExistingIdentifiers } from './matchIdentifiers.js';
import { withdrawUnstated, type Withdrawn } from './withdrawUnstated.js';

export interface IngestCounts {
  created: number;
  matched: number;
}

export interface IngestResult {
  sourceId: string;
  sourceCreated: boolean;
  entities: IngestCounts;
  facts: IngestCounts;
  nodesCreated: number;
  relationshipsCreated: number;
  /** Tenures whose held days or neighbours moved with this document. */
  intervalChanges: IntervalChange[];
  /** With `replace`: what the source stated before and no longer states. */
  withdrawn?: Withdrawn;
}

export interface IngestOptions {
  timeoutMs?: number;
  /**
   * An entity without an explicit id whose identifiers ("wikidata:Q7747") name an entity of the
   * same kind already in the graph takes that entity's id, so a person met in two data sets is
   * one entity.
   */
  matchIdentifiers?: boolean;
  /**
   * The document is everything its source states: facts and mentions an earlier version of the
   * same source stated and this one does not lose this source's evidence (a re-imported data set
   * replaces its earlier version).
   */
  replace?: boolean;
}

/** Time a bulk document (a seed, a file, a data set) may take: far more than a request gets. */
export const BULK_INGEST_TIMEOUT_MS = 600_000;

/**
 * The prefix every evidence entry of `sourceId` starts with: evidence entries are JSON strings
 * {"s": sourceId, "q": quote, "n": note}, so one source's entries are found by prefix.
 */
export function evidencePrefix(sourceId: string): string {
  return `{"s":${JSON.stringify(sourceId)},`;
}

/**
 * Validates and writes; throws BAD_USER_INPUT listing every problem when the input is bad.
 * With dryRun, writes the same way in a transaction that is rolled back, and says what would
 * have changed (see dryRun.ts).
 */
export async function ingestDocument(store: GraphStore, input: unknown, options?: IngestOptions & { dryRun?: false }): Promise<IngestResult>;
export async function ingestDocument(store: GraphStore, input: unknown, options: IngestOptions & { dryRun?: boolean }): Promise<IngestResult | DryRunResult>;
export async function ingestDocument(
  store: GraphStore,
  input: unknown,
  options: IngestOptions & { dryRun?: boolean } = {},
): Promise<IngestResult | DryRunResult> {
  const validation = validateDocument(input);
  if (!validation.ok) throw badUserInput(validation.problems);
  if (options.dryRun) return dryRunValidDocument(store, validation.value, options);
  return store.write((tx) => prepareAndWrite(tx, validation.value, options), options);
}

/** Matches identifiers when asked, then writes: the one write path of real and dry runs. */
export async function prepareAndWrite(tx: WriteTransaction, valid: ValidDocument, options: IngestOptions = {}): Promise<IngestResult> {
  const prepared = options.matchIdentifiers ? await matchExistingIdentifiers(tx, valid) : valid;
  return writeValidDocument(tx, prepared, options);
}

/** The id a document's source gets: explicit, or from publisher, date and title. */
export function sourceIdOf(valid: ValidDocument): string {
  const { source } = valid.document;
  if (source.id) return source.id;
  const parts = [source.publisher, source.publishedDate, source.name].filter((part): part is string => Boolean(part));
  return `source:${slugify(parts.join(' '))}`;
}

async function writeValidDocument(tx: WriteTransaction, valid: ValidDocument, options: IngestOptions = {}): Promise<IngestResult> {
  const { document, idsByRef } = valid;
  const sourceId = sourceIdOf(valid);
  const redirects = await checkExternalReferences(tx, valid);

  // Ids merged away by mergeEntities resolve to the entity they were merged into.
  const id = (reference: string) => {
    const graphId = idsByRef.get(reference) ?? reference;
    return redirects.get(graphId) ?? graphId;
  };
  const evidence = (quote: string, note: string | undefined) =>
    JSON.stringify(note === undefined ? { s: sourceId, q: quote } : { s: sourceId, q: quote, n: note });
  const common = { sourceId, evidencePrefix: evidencePrefix(sourceId) };

  const { source } = document;
  const sourceWrite = await tx.run('ingest_source', {
    source: withoutUndefined({
      ...source,
      id: sourceId,
      searchText: `${source.name} | ${source.publisher ?? ''}`,
      // Ids this source's facts point at without mentioning them, so retractSource finds those facts.
      referencedIds: valid.externalReferences.length > 0 ? [...new Set(valid.externalReferences.map((reference) => redirects.get(reference.id) ?? reference.id))] : undefined,
    }),
  });
  // The text as searchable passages (sentences), in the same transaction.
  const passages = passageRows(sourceId, source.text);
  const passageWrite = await tx.run('ingest_passages', { sourceId, ids: passages.map((passage) => passage.id), passages });
  const entityWrite = await tx.run('ingest_entities', {
    sourceId,
    entities: document.entities.map((entity) => ({
      id: id(entity.ref),
      kind: entity.kind,
      label: KIND_LABELS[entity.kind],
      name: entity.name,
      aliases: entity.aliases,
      properties: entityProperties(entity),
      quote: entity.quote,
      note: entity.note ?? null,
    })),
  });

  const tenures: Record<string, unknown>[] = [];
  const relations: Record<string, unknown>[] = [];
  const participations: Record<string, unknown>[] = [];
  const groups: Record<string, unknown>[] = [];
  const successions: Record<string, unknown>[] = [];
  const tenureIdsOfRefs = new Map(
    document.facts.flatMap((fact) =>
      fact.type === 'TENURE' && fact.ref !== undefined ? [[fact.ref, tenureId(id(fact.person), id(fact.post), fact.startDate)] as const] : [],
    ),
  );
  for (const fact of document.facts) {
    const factEvidence = [evidence(fact.quote, fact.note)];
    switch (fact.type) {
      case 'TENURE':
        tenures.push({
          id: tenureId(id(fact.person), id(fact.post), fact.startDate),
          person: id(fact.person),
          post: id(fact.post),
          startDate: fact.startDate ?? null,
          endDate: fact.endDate ?? null,
          termEnd: fact.termEnd ?? null,
          onBehalfOf: fact.onBehalfOf === undefined ? null : id(fact.onBehalfOf),
          evidence: factEvidence,
        });
        break;
      case 'PARTICIPATION':
        participations.push({
          person: id(fact.person),
          event: id(fact.event),
          role: fact.role,
          capacity: fact.capacity === undefined ? null : id(fact.capacity),
          evidence: factEvidence,
        });
        break;
      case 'GROUP_PARTICIPATION':
        groups.push({
          id: participantGroupId(id(fact.event), fact.name),
          event: id(fact.event),
          name: fact.name,
          role: fact.role,
          organization: fact.organization === undefined ? null : id(fact.organization),
          evidence: factEvidence,
        });
        break;
      case 'SUCCEEDS':
        successions.push({
          from: tenureIdsOfRefs.get(fact.from) ?? id(fact.from),
          to: tenureIdsOfRefs.get(fact.to) ?? id(fact.to),
          evidence: factEvidence,
        });
        break;
      default:
        relations.push({ type: fact.type, from: id(fact.from), to: id(fact.to), evidence: factEvidence });
    }
  }

  const factWrites = [
    await tx.run('ingest_tenures', { ...common, tenures: mergeDuplicates(tenures, (row) => String(row.id)) }),
    await tx.run('ingest_relations', {
      ...common,
      relations: mergeDuplicates(relations, (row) => `${row.type}|${row.from}|${row.to}`),
    }),
    await tx.run('ingest_participations', {
      ...common,
      participations: mergeDuplicates(participations, (row) => `${row.person}|${row.event}|${row.role}`),
    }),
    await tx.run('ingest_participant_groups', { ...common, groups: mergeDuplicates(groups, (row) => String(row.id)) }),
    await tx.run('ingest_successions', {
      ...common,
      successions: mergeDuplicates(successions, (row) => `${row.from}|${row.to}`),
    }),
  ];

  // With replace, what the source no longer states goes before the intervals are recomputed.
  const withdrawn = options.replace
    ? await withdrawUnstated(tx, {
        ...common,
        entityIds: document.entities.map((entity) => id(entity.ref)),
        tenures,
        relations,
        participations,
        groups,
        successions,
      })
    : undefined;

  const intervalChanges = await recomputeTenureIntervals(tx, {
    postIds: [
      ...tenures.map((tenure) => String(tenure.post)),
      ...document.entities.filter((entity) => entity.kind === 'POST').map((entity) => id(entity.ref)),
      ...(withdrawn?.affectedPostIds ?? []),
    ],
    tenureIds: successions.flatMap((succession) => [String(succession.from), String(succession.to)]),
  });

  const factRows = factWrites.flatMap((write): ReadonlyArray<{ created: boolean }> => write.rows);
  const entityRows = entityWrite.rows;
  const all = [sourceWrite, passageWrite, entityWrite, ...factWrites];
  return {
    sourceId,
    sourceCreated: sourceWrite.rows[0]?.created === true,
    entities: countCreated(entityRows),
    facts: countCreated(factRows),
    nodesCreated: all.reduce((sum, write) => sum + write.counters.nodesCreated, 0),
    relationshipsCreated: all.reduce((sum, write) => sum + write.counters.relationshipsCreated, 0),
    intervalChanges,
    ...(withdrawn === undefined ? {} : { withdrawn: publicWithdrawn(withdrawn) }),
  };
}

/**
 * The same fact stated twice in one source keeps one evidence entry per quote, so a fact is
 * one relationship however often a report repeats it.
 */
function mergeDuplicates(rows: Record<string, unknown>[], keyOf: (row: Record<string, unknown>) => string) {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = keyOf(row);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ...row });
      continue;
    }
    const merged = new Set([...(existing.evidence as string[]), ...(row.evidence as string[])]);
    existing.evidence = [...merged];
  }
  return [...byKey.values()];
}

/** Checks the references to graph ids; returns the redirects (merged-away id to its target) among all ids. */
async function checkExternalReferences(tx: WriteTransaction, valid: ValidDocument): Promise<Map<string, string>> {
  const references = valid.externalReferences;
  const documentIds = new Set(valid.idsByRef.values());
  const entityKinds = new Map(valid.document.entities.map((entity) => [valid.idsByRef.get(entity.ref), entity.kind]));
  const askIds = [...new Set([...references.map((reference) => reference.id), ...documentIds])];
  const { rows } = await tx.run('ingest_existing_kinds', { ids: askIds });
  const existing = new Map(rows.map((row) => [row.id, row.kind]));
  const problems: FieldProblem[] = [];
  for (const reference of references) {
    const kind = existing.get(reference.id);
    if (kind === undefined) {
      problems.push({ path: reference.path, message: `refers to no entity in this document or the graph, but got: ${JSON.stringify(reference.id)}` });
    } else if (!(reference.kinds as readonly string[]).includes(kind)) {
      problems.push({
        path: reference.path,
        message: `expected a ${reference.kinds.join(' or ')}, but got: ${JSON.stringify(reference.id)} (a ${kind})`,
      });
    }
  }
  valid.document.entities.forEach((entity, index) => {
    const graphId = valid.idsByRef.get(entity.ref) as string;
    const kind = existing.get(graphId);
    if (kind !== undefined && kind !== entityKinds.get(graphId)) {
      problems.push({
        path: `entities[${index}].id`,
        message: `is already a ${kind} in the graph, not a ${entity.kind}: ${JSON.stringify(graphId)}`,
      });
    }
  });
  if (problems.length > 0) throw badUserInput(problems);
  return new Map(rows.filter((row) => row.target !== row.id).map((row) => [row.id, row.target]));
}

function entityProperties(entity: IngestEntity): Record<string, unknown> {
  const { kind, ref, id, name, aliases, disambiguator, quote, note, ...properties } = entity;
  return withoutUndefined({ ...properties, disambiguator });
}


function countCreated(rows: ReadonlyArray<{ created: boolean }>): IngestCounts {
  const created = rows.filter((row) => row.created === true).length;
  return { created, matched: rows.length - created };
}

/** What a replacing ingest reports as withdrawn (the posts it touched are for the interval step only). */
function publicWithdrawn({ affectedPostIds, ...withdrawn }: Withdrawn & { affectedPostIds: string[] }): Withdrawn {
  void affectedPostIds;
  return withdrawn;
}
