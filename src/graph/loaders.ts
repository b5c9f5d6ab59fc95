/**
 * Per-request DataLoaders: every nested field of a GraphQL request asks a loader, and each
 * loader sends one batched Cypher query per tick for all the keys asked, so a query over 50
 * people costs the same number of round trips as one over 5. Caches live for one request only.
 */
import DataLoader from 'dataloader';
import type { GraphStore, Row } from './graphStore.js';
import type { QueryName } from './queries.js';
import type {
  EntityRecord,
  EvidenceRecord,
  ParticipantGroupRecord,
  ParticipationRecord,
  RelatedRecord,
  TenureRecord,
} from './records.js';
import { resolvePostTenures, type ResolvedTenure } from './tenureTimeline.js';

/** Most items any nested list returns; larger lists need paging (connections). */
export const NESTED_LIST_LIMIT = 500;

export interface RelationKey {
  id: string;
  type: string;
  direction: 'OUT' | 'IN';
}

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  entityEvidence: DataLoader<string, EvidenceRecord[]>;
  related: DataLoader<RelationKey, RelatedRecord[], string>;
  personTenures: DataLoader<string, TenureRecord[]>;
  /** All tenures of a post, resolved (effective dates, predecessor, successor), by tenure id. */
  postTenures: DataLoader<string, Map<string, ResolvedTenure>>;
  personParticipations: DataLoader<string, ParticipationRecord[]>;
  eventParticipants: DataLoader<string, ParticipationRecord[]>;
  eventParticipantGroups: DataLoader<string, ParticipantGroupRecord[]>;
  /** One page of the people who took part in events addressing a theme (PolicyTheme.people). */
  themePeople: DataLoader<ThemePeopleKey, ThemePeoplePage, string>;
  /** How many events addressed a theme. */
  themeEventCount: DataLoader<string, number>;
  /** One page of the entities linked by one relationship type and direction (nested connections). */
  relatedPage: DataLoader<RelatedPageKey, EntityPage, string>;
}

export interface RelatedPageKey extends RelationKey {
  after: string | null;
  first: number;
}

export interface EntityPage {
  totalCount: number;
  entities: EntityRecord[];
  hasNextPage: boolean;
}

export interface ThemePeopleKey {
  id: string;
  after: string | null;
  first: number;
}

export interface ThemePeoplePage {
  totalCount: number;
  people: EntityRecord[];
  hasNextPage: boolean;
}

export function createLoaders(store: GraphStore): Loaders {
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const rows = await store.read('entities_by_ids', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [String(row.id), row.entity as EntityRecord]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const related = new DataLoader<RelationKey, RelatedRecord[], string>(
    async (keys) => {
      const keyed = keys.map((key) => ({ ...key, key: relationKeyString(key) }));
      const rows = await store.read('entity_relations', { keys: keyed, limit: NESTED_LIST_LIMIT });
      const byKey = new Map(rows.map((row) => [String(row.key), row.related as RelatedRecord[]]));
      const results = keyed.map((key) => byKey.get(key.key) ?? []);
      for (const list of results) for (const item of list) entity.prime(item.entity.id, item.entity);
      return results;
    },
    { cacheKeyFn: relationKeyString },
  );

  const personTenures = listLoader<TenureRecord>(store, 'person_tenures', 'tenures');
  const postTenureRecords = listLoader<TenureRecord>(store, 'post_tenures', 'tenures');
  const postTenures = new DataLoader<string, Map<string, ResolvedTenure>>(async (ids) => {
    const lists = await postTenureRecords.loadMany(ids);
    return lists.map((list) => (list instanceof Error ? list : resolvePostTenures(list)));
  });

  const themePeople = new DataLoader<ThemePeopleKey, ThemePeoplePage, string>(
    async (keys) => {
      const pages = keys.map((key) => ({ ...key, key: JSON.stringify(key) }));
      const rows = await store.read('theme_people', { pages });
      const byKey = new Map(rows.map((row) => [String(row.key), row]));
      return pages.map((page) => {
        const row = byKey.get(page.key);
        if (!row) return { totalCount: 0, people: [], hasNextPage: false };
        const people = row.people as EntityRecord[];
        for (const person of people) entity.prime(person.id, person);
        return { totalCount: Number(row.totalCount), people, hasNextPage: row.hasNextPage === true };
      });
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

  const themeEventCount = new DataLoader<string, number>(async (ids) => {
    const rows = await store.read('theme_event_counts', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [String(row.id), Number(row.eventCount)]));
    return ids.map((id) => byId.get(id) ?? 0);
  });

  const relatedPage = new DataLoader<RelatedPageKey, EntityPage, string>(
    async (keys) => {
      const pages = keys.map((key) => ({ ...key, key: JSON.stringify(key) }));
      const rows = await store.read('entity_related_page', { pages });
      const byKey = new Map(rows.map((row) => [String(row.key), row]));
      return pages.map((page) => {
        const row = byKey.get(page.key);
        if (!row) return { totalCount: 0, entities: [], hasNextPage: false };
        const entities = row.entities as EntityRecord[];
        for (const item of entities) entity.prime(item.id, item);
        return { totalCount: Number(row.totalCount), entities, hasNextPage: row.hasNextPage === true };
      });
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

  return {
    entity,
    themePeople,
    themeEventCount,
    relatedPage,
    entityEvidence: listLoader<EvidenceRecord>(store, 'entity_evidence', 'evidence'),
    related,
    personTenures,
    postTenures,
    personParticipations: listLoader<ParticipationRecord>(store, 'person_participations', 'participations'),
    eventParticipants: listLoader<ParticipationRecord>(store, 'event_participants', 'participations'),
    eventParticipantGroups: listLoader<ParticipantGroupRecord>(store, 'event_participant_groups', 'groups'),
  };
}

/** A loader for queries shaped `UNWIND $ids AS id ... RETURN id, collect(...)[..$limit] AS <column>`. */
function listLoader<T>(store: GraphStore, query: QueryName, column: string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows: Row[] = await store.read(query, { ids: [...ids], limit: NESTED_LIST_LIMIT });
    const byId = new Map(rows.map((row) => [String(row.id), row[column] as T[]]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

function relationKeyString(key: RelationKey): string {
  return `${key.id}|${key.type}|${key.direction}`;
}
