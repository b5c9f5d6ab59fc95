/**
 * The typed face of cypher/*.cy: each query file's parameters and row type, in one place, so
 * GraphStore.read and WriteTransaction.run check what callers send and what they get back
 * without casts. The .cy file's header comment says the same in words; a query added here must
 * have its file (start-up fails otherwise), and a file is only ever run through its entry here.
 */
import type { EntityKind, ParticipationRole } from '../model/document.js';
import type { TenureInterval } from '../model/tenureIntervals.js';
import type { BulkEntity, BulkParticipation, BulkRelation, BulkSource, BulkSuccession, BulkTenure } from '../bulk/bulkFormat.js';
import type { EntityRecord, EvidenceRecord, ParticipantGroupRecord, ParticipationRecord, RelatedRecord, TenureRecord } from './records.js';

/** A query's parameter and row types, carried by the type system only. */
export interface QueryDefinition<Params, Row> {
  readonly params?: Params;
  readonly row?: Row;
}

export function defineQuery<Params, Row>(): QueryDefinition<Params, Row> {
  return {};
}

type Nullable<T> = T | null;
/** First and last day ('YYYY-MM-DD') of an "as of" question; nulls ask nothing. */
interface AsOfDays {
  atFirst: Nullable<string>;
  atLast: Nullable<string>;
}
interface HeldDaysParams {
  heldFirst: Nullable<string>;
  heldLast: Nullable<string>;
}
interface Written {
  created: boolean;
}
/** Shared by the ingest queries that add one source's evidence to facts. */
interface EvidenceParams {
  sourceId: string;
  evidencePrefix: string;
}
export interface RawEdgeRow {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}
export interface StoredHeldDays {
  heldFrom?: string | null;
  heldTo?: string | null;
  predecessorId?: string | null;
  successorId?: string | null;
}

/** What a planned request asks of a person's tenures (the person_tenure_tree fragment). */
interface TreeFlags {
  withTenures: boolean;
  withPosts: boolean;
  withOrganizations: boolean;
}
/** A tenure's post as a plan fetches it, with its organizations when asked. */
export interface PlannedPost {
  post: EntityRecord;
  organizations: RelatedRecord[];
}

export const CYPHER_QUERIES = {
  schema_constraints: defineQuery<Record<string, never>, never>(),
  entities_by_ids: defineQuery<{ ids: string[] }, { id: string; entity: EntityRecord }>(),
  entity_evidence: defineQuery<{ ids: string[]; limit: number }, { id: string; evidence: EvidenceRecord[] }>(),
  entity_relations: defineQuery<
    { keys: Array<{ key: string; id: string; type: string; direction: 'OUT' | 'IN' }>; limit: number },
    { key: string; related: RelatedRecord[] }
  >(),
  person_tenures: defineQuery<{ ids: string[]; limit: number } & HeldDaysParams, { id: string; tenures: TenureRecord[] }>(),
  post_tenures: defineQuery<{ ids: string[]; limit: number } & HeldDaysParams, { id: string; tenures: TenureRecord[] }>(),
  tenures_by_ids: defineQuery<{ ids: string[] }, { id: string; tenure: TenureRecord }>(),
  person_participations: defineQuery<{ ids: string[]; limit: number }, { id: string; participations: ParticipationRecord[] }>(),
  event_participants: defineQuery<{ ids: string[]; limit: number }, { id: string; participations: ParticipationRecord[] }>(),
  event_participant_groups: defineQuery<{ ids: string[]; limit: number }, { id: string; groups: ParticipantGroupRecord[] }>(),
  search_entities: defineQuery<
    { query: string; kinds: Nullable<EntityKind[]>; candidates: number; first: number },
    { entity: EntityRecord; score: number }
  >(),
  plan_person: defineQuery<
    { ids: string[]; limit: number } & HeldDaysParams & TreeFlags,
    { id: string; person: EntityRecord; tenures: TenureRecord[]; posts: PlannedPost[] }
  >(),
  plan_people_page: defineQuery<
    { first: number; after: Nullable<string>; nameContains: Nullable<string>; withTotalCount: boolean; limit: number } & AsOfDays &
      HeldDaysParams &
      TreeFlags,
    { totalCount: number; hasNextPage: boolean; people: Array<{ entity: EntityRecord; tenures: TenureRecord[]; posts: PlannedPost[] }> }
  >(),
  plan_role_holders: defineQuery<
    { posts: string[]; limit: number; withPersons: boolean } & HeldDaysParams,
    { asked: string; post: EntityRecord; tenures: TenureRecord[]; persons: EntityRecord[] }
  >(),
  neighborhood_one: defineQuery<
    { id: string; limit: number; rowLimit: number; kinds: Nullable<EntityKind[]>; includeSources: boolean; edgeProperties: boolean; nodeProperties: boolean } & AsOfDays,
    { centre: Record<string, unknown>; nodes: Array<Record<string, unknown>>; truncated: boolean; edges: RawEdgeRow[] }
  >(),
  neighborhood_two: defineQuery<
    { id: string; depth: number; limit: number; rowLimit: number; kinds: Nullable<EntityKind[]>; includeSources: boolean; edgeProperties: boolean; nodeProperties: boolean } & AsOfDays,
    { centre: Record<string, unknown>; nodes: Array<Record<string, unknown>>; truncated: boolean; edges: RawEdgeRow[] }
  >(),
  shortest_paths: defineQuery<
    { from: string; to: string; maxHops: number; candidates: number; nodeProperties: boolean; edgeProperties: boolean } & AsOfDays,
    {
      fromId: Nullable<string>;
      toId: Nullable<string>;
      paths: Array<{ nodes: Array<Record<string, unknown>>; relationships: RawEdgeRow[]; hops: number }>;
    }
  >(),
  entity_page: defineQuery<
    { kind: EntityKind; first: number; after: Nullable<string>; nameContains: Nullable<string>; type: Nullable<string> } & AsOfDays,
    { totalCount: number; entities: EntityRecord[]; hasNextPage: boolean }
  >(),
  person_colleagues: defineQuery<{ id: string; limit: number } & AsOfDays, { colleagueId: string; shared: EntityRecord }>(),
  organization_interlocks: defineQuery<
    { orgA: string; orgB: string; limit: number } & AsOfDays,
    { personId: string; tenuresA: TenureRecord[]; tenuresB: TenureRecord[] }
  >(),
  theme_people: defineQuery<
    { pages: Array<{ key: string; id: string; after: Nullable<string>; first: number }> },
    { key: string; totalCount: number; people: EntityRecord[]; hasNextPage: boolean }
  >(),
  theme_event_counts: defineQuery<{ ids: string[] }, { id: string; eventCount: number }>(),
  entity_related_page: defineQuery<
    { pages: Array<{ key: string; id: string; type: string; direction: 'OUT' | 'IN'; after: Nullable<string>; first: number }> },
    { key: string; totalCount: number; entities: EntityRecord[]; hasNextPage: boolean }
  >(),
  ingest_existing_kinds: defineQuery<{ ids: string[] }, { id: string; kind: string; target: string }>(),
  ingest_source: defineQuery<{ source: Record<string, unknown> }, Written>(),
  ingest_entities: defineQuery<
    {
      sourceId: string;
      entities: Array<{
        id: string;
        kind: EntityKind;
        label: string;
        name: string;
        aliases: string[];
        properties: Record<string, unknown>;
        quote: string;
        note: Nullable<string>;
      }>;
    },
    { id: string } & Written
  >(),
  ingest_tenures: defineQuery<{ tenures: Array<Record<string, unknown>> } & EvidenceParams, { id: string } & Written>(),
  ingest_relations: defineQuery<
    { relations: Array<Record<string, unknown>> } & EvidenceParams,
    { from: string; type: string; to: string } & Written
  >(),
  ingest_participations: defineQuery<
    { participations: Array<Record<string, unknown>> } & EvidenceParams,
    { person: string; event: string; role: ParticipationRole } & Written
  >(),
  ingest_participant_groups: defineQuery<{ groups: Array<Record<string, unknown>> } & EvidenceParams, { id: string } & Written>(),
  ingest_successions: defineQuery<{ successions: Array<Record<string, unknown>> } & EvidenceParams, { from: string; to: string } & Written>(),
  graph_counts: defineQuery<Record<string, never>, { nodes: number; relationships: number }>(),
  seeded_sources: defineQuery<{ ids: string[] }, { id: string }>(),
  retract_source: defineQuery<
    { id: string; evidencePrefix: string },
    { factsRemoved: number; factsKept: number; entitiesRemoved: string[]; affectedPostIds: string[] }
  >(),
  merge_entities_check: defineQuery<
    { keep: string; drop: string },
    { keepKind: Nullable<string>; dropKind: Nullable<string>; dropRedirectedTo: Nullable<string> }
  >(),
  merge_entity_tenures: defineQuery<{ drop: string }, { id: string; personId: string; postId: string; startDate: Nullable<string> }>(),
  merge_rekey_tenures: defineQuery<
    { moves: Array<{ old: string; new: string; person: string; post: string }> },
    { old: string; new: string } & Written
  >(),
  merge_move_relationships: defineQuery<{ pairs: Array<{ drop: string; keep: string }> }, { drop: string; moved: number; removed: number }>(),
  merge_finish: defineQuery<{ keep: string; drop: string; tenureMoves: Array<{ old: string; new: string }> }, { id: string }>(),
  tenure_interval_inputs: defineQuery<
    { postIds: string[]; tenureIds: string[] },
    {
      postId: string;
      seats: Nullable<number>;
      tenures: Array<{
        id: string;
        startDate: Nullable<string>;
        endDate: Nullable<string>;
        termEnd: Nullable<string>;
        sourceDates: string[];
        succeeds: string[];
      }>;
    }
  >(),
  tenure_intervals_store: defineQuery<{ intervals: TenureInterval[] }, { id: string; before: StoredHeldDays; after: StoredHeldDays }>(),
  holds_post_store: defineQuery<{ postIds: string[] }, { links: number }>(),
  holds_post_totals: defineQuery<Record<string, never>, { tenures: number; links: number }>(),
  holds_post_missing: defineQuery<{ limit: number }, { postId: string }>(),
  bulk_sources: defineQuery<{ sources: BulkSource[] }, { sources: number }>(),
  bulk_entities: defineQuery<{ entities: BulkEntity[] }, { entities: number }>(),
  bulk_relations: defineQuery<{ relations: BulkRelation[] }, { relations: number }>(),
  bulk_tenures: defineQuery<{ tenures: BulkTenure[] }, { tenures: number }>(),
  bulk_participations: defineQuery<{ participations: BulkParticipation[] }, { participations: number }>(),
  bulk_successions: defineQuery<{ successions: BulkSuccession[] }, { successions: number }>(),
  bulk_checkpoints: defineQuery<{ prefix: string }, { id: string }>(),
  bulk_checkpoint_mark: defineQuery<{ id: string; records: number }, { id: string }>(),
  bulk_checkpoints_mark_all: defineQuery<{ batches: Array<{ id: string; records: number }> }, { batches: number }>(),
  bulk_empty_aliases: defineQuery<{ limit: number }, { updated: number }>(),
  entities_by_identifier: defineQuery<{ identifiers: Array<{ key: string; query: string }> }, { key: string; id: string; kind: EntityKind }>(),
  withdraw_unstated: defineQuery<
    { sourceId: string; evidencePrefix: string; entityIds: string[]; tenureIds: string[]; groupIds: string[]; factKeys: string[] },
    { factsRemoved: number; factsKept: number; entitiesRemoved: string[]; affectedPostIds: string[] }
  >(),
  export_entity_ids: defineQuery<{ source: Nullable<string>; limit: number }, { id: string }>(),
  export_entities: defineQuery<{ ids: string[] }, { entity: Record<string, unknown>; relations: Array<{ type: string; to: string }> }>(),
  export_tenures: defineQuery<
    { personIds: string[] },
    { tenure: Record<string, unknown>; personId: string; postId: string; onBehalfOfId: Nullable<string> }
  >(),
  ingest_passages: defineQuery<
    { sourceId: string; ids: string[]; passages: Array<{ id: string; start: number; end: number; text: string }> },
    { passages: number }
  >(),
  search_passages: defineQuery<
    { query: string; first: number },
    { passage: { id: string; sourceId: string; start: number; end: number; text: string }; score: number }
  >(),
  source_facts: defineQuery<{ sourceIds: string[] }, { sourceId: string; edge: RawEdgeRow }>(),
  draft_gazetteer: defineQuery<
    { limit: number },
    { id: string; kind: EntityKind; name: string; aliases: string[]; orgType: Nullable<string>; role: Nullable<string>; organizationId: Nullable<string> }
  >(),
  draft_existing_facts: defineQuery<
    {
      tenureIds: string[];
      groupIds: string[];
      participations: Array<{ key: string; person: string; event: string; role: string }>;
      relations: Array<{ key: string; type: string; from: string; to: string }>;
    },
    { tenures: string[]; groups: string[]; participations: string[]; relations: string[] }
  >(),
  post_tenure_intervals: defineQuery<
    { postIds: string[] },
    {
      id: string;
      personId: string;
      postId: string;
      effectiveStart: Nullable<string>;
      effectiveEnd: Nullable<string>;
      heldFrom: Nullable<string>;
      heldTo: Nullable<string>;
    }
  >(),
} as const;

export type QueryName = keyof typeof CYPHER_QUERIES;
export type ParamsOf<Name extends QueryName> = (typeof CYPHER_QUERIES)[Name] extends QueryDefinition<infer P, unknown> ? P : never;
export type RowOf<Name extends QueryName> = (typeof CYPHER_QUERIES)[Name] extends QueryDefinition<unknown, infer R> ? R : never;
export const QUERY_NAMES = Object.keys(CYPHER_QUERIES) as QueryName[];
