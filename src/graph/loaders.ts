/**
 * Per-request DataLoaders: every nested field of a GraphQL request asks a loader, and each
 * loader sends one batched Cypher query per tick for all the keys asked, so a query over 50
 * people costs the same number of round trips as one over 5. Caches live for one request only.
 */
import DataLoader from 'dataloader';
import type { ParamsOf, RowOf } from './cypherQueries.js';
import type { GraphStore } from './graphStore.js';
import type {
  EntityRecord,
  EvidenceRecord,
  ParticipantGroupRecord,
  ParticipationRecord,
  RelatedRecord,
  TenureRecord,
} from './records.js';
import { ALL_TIME, type DayRange } from '../model/partialDate.js';

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
  /** A person's tenures held on some day of the range (all of them for ALL_TIME), in succession order. */
  personTenures: (range?: DayRange) => DataLoader<string, TenureRecord[]>;
  /** A post's tenures held on some day of the range (all of them for ALL_TIME), in succession order. */
  postTenures: (range?: DayRange) => DataLoader<string, TenureRecord[]>;
  /** Tenures by id (predecessors, successors). */
  tenure: DataLoader<string, TenureRecord | null>;
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
    const byId = new Map(rows.map((row) => [row.id, row.entity]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const related = new DataLoader<RelationKey, RelatedRecord[], string>(
    async (keys) => {
      const keyed = keys.map((key) => ({ ...key, key: relationKeyString(key) }));
      const rows = await store.read('entity_relations', { keys: keyed, limit: NESTED_LIST_LIMIT });
      const byKey = new Map(rows.map((row) => [row.key, row.related]));
      const results = keyed.map((key) => byKey.get(key.key) ?? []);
      for (const list of results) for (const item of list) entity.prime(item.entity.id, item.entity);
      return results;
    },
    { cacheKeyFn: relationKeyString },
  );

  const personTenures = perRange((range) => listLoader(store, 'person_tenures', 'tenures', range));
  const postTenures = perRange((range) => listLoader(store, 'post_tenures', 'tenures', range));
  const tenure = new DataLoader<string, TenureRecord | null>(async (ids) => {
    const rows = await store.read('tenures_by_ids', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.id, row.tenure]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const themePeople = new DataLoader<ThemePeopleKey, ThemePeoplePage, string>(
    async (keys) => {
      const pages = keys.map((key) => ({ ...key, key: JSON.stringify(key) }));
      const rows = await store.read('theme_people', { pages });
      const byKey = new Map(rows.map((row) => [row.key, row]));
      return pages.map((page) => {
        const row = byKey.get(page.key);
        if (!row) return { totalCount: 0, people: [], hasNextPage: false };
        for (const person of row.people) entity.prime(person.id, person);
        return { totalCount: row.totalCount, people: row.people, hasNextPage: row.hasNextPage };
      });
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

  const themeEventCount = new DataLoader<string, number>(async (ids) => {
    const rows = await store.read('theme_event_counts', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.id, row.eventCount]));
    return ids.map((id) => byId.get(id) ?? 0);
  });

  const relatedPage = new DataLoader<RelatedPageKey, EntityPage, string>(
    async (keys) => {
      const pages = keys.map((key) => ({ ...key, key: JSON.stringify(key) }));
      const rows = await store.read('entity_related_page', { pages });
      const byKey = new Map(rows.map((row) => [row.key, row]));
      return pages.map((page) => {
        const row = byKey.get(page.key);
        if (!row) return { totalCount: 0, entities: [], hasNextPage: false };
        for (const item of row.entities) entity.prime(item.id, item);
        return { totalCount: row.totalCount, entities: row.entities, hasNextPage: row.hasNextPage };
      });
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );

  return {
    entity,
    themePeople,
    themeEventCount,
    relatedPage,
    entityEvidence: listLoader(store, 'entity_evidence', 'evidence', {}),
    related,
    personTenures,
    postTenures,
    tenure,
    personParticipations: listLoader(store, 'person_participations', 'participations', {}),
    eventParticipants: listLoader(store, 'event_participants', 'participations', {}),
    eventParticipantGroups: listLoader(store, 'event_participant_groups', 'groups', {}),
  };
}

/**
 * A loader for queries shaped `UNWIND $ids AS id ... RETURN id, collect(...)[..$limit] AS <column>`;
 * `extra` holds parameters shared by every key (such as the days asked about).
 */
function listLoader<Name extends ListQueryName, Column extends keyof RowOf<Name>>(
  store: GraphStore,
  query: Name,
  column: Column,
  extra: Omit<ParamsOf<Name>, 'ids' | 'limit'>,
): DataLoader<string, RowOf<Name>[Column]> {
  return new DataLoader<string, RowOf<Name>[Column]>(async (ids) => {
    const params = { ...extra, ids: [...ids], limit: NESTED_LIST_LIMIT } as ParamsOf<Name>;
    const rows = await store.read(query, params);
    const byId = new Map(rows.map((row) => [(row as { id: string }).id, row[column]]));
    return ids.map((id) => byId.get(id) ?? ([] as RowOf<Name>[Column]));
  });
}

/** The queries shaped `UNWIND $ids ... RETURN id, collect(...)[..$limit] AS <column>`. */
type ListQueryName = 'entity_evidence' | 'person_tenures' | 'post_tenures' | 'person_participations' | 'event_participants' | 'event_participant_groups';

/** One loader per range of days asked about, made on first use, so each range batches on its own. */
function perRange<T>(make: (range: DayRange) => T): (range?: DayRange) => T {
  const byRange = new Map<string, T>();
  return (range = ALL_TIME) => {
    const key = `${range.heldFirst ?? ''}|${range.heldLast ?? ''}`;
    let loader = byRange.get(key);
    if (loader === undefined) {
      loader = make({ heldFirst: range.heldFirst, heldLast: range.heldLast });
      byRange.set(key, loader);
    }
    return loader;
  };
}

function relationKeyString(key: RelationKey): string {
  return `${key.id}|${key.type}|${key.direction}`;
}
