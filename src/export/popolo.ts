/**
 * Writes exported records as a Popolo JSON data set (https://www.popoloproject.com), the form
 * `npm run import:popolo` reads, so import → export → import gives the same graph: record ids are
 * officegraph's ids (which the importer keeps), persons and organizations keep their other names
 * and identifiers, posts their organization and represented area, memberships their dates and
 * party, and every record lists the sources that state it (sources[].note names the source and
 * the evidence note).
 *
 * Left out, because Popolo has no place for them: policy themes, documents, participations in
 * events, participant groups, the places of organizations and events, and the end of the term a
 * tenure belongs to.
 */
import type { EvidenceRecord } from '../graph/records.js';
import type { ExportRecords, RecordEntity } from './exportRecords.js';

/** orgType → Popolo classification; the Popolo importer reads them back. */
export const CLASSIFICATION_OF_ORG_TYPE: Record<string, string> = {
  LEGISLATURE: 'legislature',
  PARTY: 'party',
  GOVERNMENT: 'executive',
  COMMITTEE: 'committee',
  PARTY_COMMITTEE: 'party committee',
  AGENCY: 'agency',
  OTHER: 'other',
};

type PopoloRecord = Record<string, unknown>;

function identifiers(entity: RecordEntity): Array<{ scheme: string; identifier: string }> | undefined {
  const list = entity.identifiers.flatMap((key) => {
    const colon = key.indexOf(':');
    return colon > 0 ? [{ scheme: key.slice(0, colon), identifier: key.slice(colon + 1) }] : [];
  });
  return list.length > 0 ? list : undefined;
}

function otherNames(entity: RecordEntity): Array<{ name: string }> | undefined {
  return entity.aliases.length > 0 ? entity.aliases.map((name) => ({ name })) : undefined;
}

function related(entity: RecordEntity, type: string): string | undefined {
  return entity.relations.find((relation) => relation.type === type)?.to;
}

function sources(evidence: EvidenceRecord[]): Array<{ note: string }> | undefined {
  if (evidence.length === 0) return undefined;
  return evidence.map((item) => ({ note: item.note === null ? `stated by ${item.sourceId}` : `stated by ${item.sourceId}: ${item.note}` }));
}

function compact(record: PopoloRecord): PopoloRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}

export function toPopolo(records: ExportRecords, meta: { title: string }): Record<string, unknown> {
  const byKind = (kind: string) => records.entities.filter((entity) => entity.kind === kind);
  const exported = new Set(records.entities.map((entity) => entity.id));
  const inside = (id: string | undefined) => (id !== undefined && exported.has(id) ? id : undefined);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    meta: { title: meta.title, publisher: 'officegraph export' },
    persons: byKind('PERSON').map((entity) =>
      compact({
        id: entity.id,
        name: entity.name,
        other_names: otherNames(entity),
        identifiers: identifiers(entity),
        gender: text(entity.properties.gender),
        birth_date: text(entity.properties.birthDate),
      }),
    ),
    organizations: byKind('ORGANIZATION').map((entity) =>
      compact({
        id: entity.id,
        name: entity.name,
        classification: CLASSIFICATION_OF_ORG_TYPE[String(entity.properties.orgType)] ?? 'other',
        other_names: otherNames(entity),
        identifiers: identifiers(entity),
        parent_id: inside(related(entity, 'PART_OF')),
      }),
    ),
    areas: byKind('PLACE').map((entity) =>
      compact({
        id: entity.id,
        name: entity.name,
        type: text(entity.properties.placeType),
        other_names: otherNames(entity),
        identifiers: identifiers(entity),
        parent_id: inside(related(entity, 'WITHIN')),
      }),
    ),
    events: byKind('EVENT').map((entity) =>
      compact({
        id: entity.id,
        name: entity.name,
        classification: text(entity.properties.eventType),
        start_date: text(entity.properties.startDate),
        end_date: text(entity.properties.endDate),
        other_names: otherNames(entity),
        identifiers: identifiers(entity),
        organization_id: inside(related(entity, 'ORGANIZED_BY')),
      }),
    ),
    // A post needs its organization; a post whose organization is not exported is left out with its memberships.
    posts: byKind('POST')
      .filter((entity) => inside(related(entity, 'POST_OF')) !== undefined)
      .map((entity) =>
        compact({
          id: entity.id,
          label: entity.name,
          role: text(entity.properties.role),
          other_label: otherNames(entity)?.map((name) => name.name),
          identifiers: identifiers(entity),
          organization_id: related(entity, 'POST_OF'),
          area_id: inside(related(entity, 'REPRESENTS')),
        }),
      ),
    memberships: records.tenures
      .filter((tenure) => {
        const post = records.entities.find((entity) => entity.id === tenure.postId);
        return post !== undefined && inside(related(post, 'POST_OF')) !== undefined;
      })
      .map((tenure) =>
        compact({
          id: tenure.id,
          person_id: tenure.personId,
          post_id: tenure.postId,
          organization_id: related(records.entities.find((entity) => entity.id === tenure.postId) as RecordEntity, 'POST_OF'),
          on_behalf_of_id: inside(tenure.onBehalfOfId ?? undefined),
          start_date: tenure.startDate,
          end_date: tenure.endDate,
          sources: sources(tenure.evidence),
        }),
      ),
  };
}
