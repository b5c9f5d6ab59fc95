/**
 * What the record formats (Popolo, FollowTheMoney) export: entities with all their properties
 * and the relations those formats can say, and the tenures of the exported persons whose post is
 * exported too, each with its evidence. Read for a set of entity ids: a neighbourhood, the
 * entities one source mentions, or the whole graph.
 */
import type { GraphStore } from '../graph/graphStore.js';
import { parseEvidence, type EvidenceRecord } from '../graph/records.js';
import type { EntityKind } from '../model/document.js';

export interface RecordEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  identifiers: string[];
  properties: Record<string, unknown>;
  /** Outgoing relations the record formats can say: PART_OF, WITHIN, ORGANIZED_BY, POST_OF, REPRESENTS, BASED_IN. */
  relations: Array<{ type: string; to: string }>;
}

export interface RecordTenure {
  id: string;
  personId: string;
  postId: string;
  startDate: string | null;
  endDate: string | null;
  onBehalfOfId: string | null;
  evidence: EvidenceRecord[];
}

export interface ExportRecords {
  entities: RecordEntity[];
  tenures: RecordTenure[];
}

/** How many entities a whole-graph or per-source record export reads at most. */
export const RECORD_EXPORT_LIMIT = 200_000;

/** The ids a record export covers: every entity but sources, or those one source mentions. */
export async function recordExportIds(store: GraphStore, options: { source?: string | null } = {}): Promise<string[]> {
  const rows = await store.read('export_entity_ids', { source: options.source ?? null, limit: RECORD_EXPORT_LIMIT });
  return rows.map((row) => String(row.id));
}

export async function readExportRecords(store: GraphStore, ids: readonly string[]): Promise<ExportRecords> {
  const rows = await store.read('export_entities', { ids: [...new Set(ids)] });
  const entities = rows.map((row) => {
    const properties = { ...(row.entity as Record<string, unknown>) };
    const entity: RecordEntity = {
      id: String(properties.id),
      kind: properties.kind as EntityKind,
      name: String(properties.name),
      aliases: Array.isArray(properties.aliases) ? (properties.aliases as string[]) : [],
      identifiers: Array.isArray(properties.identifiers) ? (properties.identifiers as string[]) : [],
      properties,
      relations: (row.relations as Array<{ type: string; to: string }>).map((relation) => ({ type: String(relation.type), to: String(relation.to) })),
    };
    return entity;
  });
  const exported = new Set(entities.map((entity) => entity.id));
  const personIds = entities.filter((entity) => entity.kind === 'PERSON').map((entity) => entity.id);
  const tenureRows = personIds.length === 0 ? [] : await store.read('export_tenures', { personIds });
  const tenures = tenureRows
    .filter((row) => exported.has(String(row.postId)))
    .map((row) => {
      const tenure = row.tenure as Record<string, unknown>;
      return {
        id: String(tenure.id),
        personId: String(row.personId),
        postId: String(row.postId),
        startDate: (tenure.startDate as string | null | undefined) ?? null,
        endDate: (tenure.endDate as string | null | undefined) ?? null,
        onBehalfOfId: (row.onBehalfOfId as string | null) ?? null,
        evidence: parseEvidence(tenure.evidence),
      };
    });
  return { entities, tenures };
}
