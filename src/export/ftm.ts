/**
 * Writes exported records as line-delimited FollowTheMoney entities, the schemata
 * `npm run import:ftm` reads: Person, Organization (PublicBody for governments and agencies, with
 * the organization type as `classification`), Position (its organization, the place it represents
 * as subnationalArea) and Occupancy (holder, post, startDate, endDate, status). Entity ids are
 * officegraph's ids, which the importer keeps, so import → export → import gives the same graph;
 * a Wikidata identifier is written as wikidataId, the others as referents ("scheme:value", or the
 * bare id for OpenSanctions ids). Each Occupancy's `sourceUrl` and `publisher` say nothing new;
 * its evidence is named in `summary`.
 *
 * Left out, because these FtM schemata have no place for them: events, policy themes, documents,
 * participations, places other than a post's area and an organization's countries, parties a
 * post was held on behalf of, and parent organizations.
 */
import type { ExportRecords, RecordEntity } from './exportRecords.js';
import { CLASSIFICATION_OF_ORG_TYPE } from './popolo.js';

type FtmEntity = { id: string; schema: string; caption: string; properties: Record<string, string[]> };

function identifierProperties(entity: RecordEntity): { referents: string[]; wikidataId: string[] } {
  const referents: string[] = [];
  const wikidataId: string[] = [];
  for (const key of entity.identifiers) {
    if (key.startsWith('wikidata:')) wikidataId.push(key.slice('wikidata:'.length));
    else if (key.startsWith('opensanctions:')) referents.push(key.slice('opensanctions:'.length));
    else referents.push(key);
  }
  return { referents, wikidataId };
}

function withValues(properties: Record<string, Array<string | null | undefined>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(properties)
      .map(([name, list]) => [name, list.filter((value): value is string => typeof value === 'string' && value !== '')] as const)
      .filter(([, list]) => list.length > 0),
  );
}

export function toFtm(records: ExportRecords): string {
  const out: Array<FtmEntity & { referents: string[] }> = [];
  const exported = new Map(records.entities.map((entity) => [entity.id, entity]));
  const related = (entity: RecordEntity, type: string) => entity.relations.find((relation) => relation.type === type)?.to;
  // The countries an organization is based in, by their ISO 3166-1 identifier.
  const countries = (entity: RecordEntity) =>
    entity.relations
      .filter((relation) => relation.type === 'BASED_IN')
      .flatMap((relation) => (exported.get(relation.to)?.identifiers ?? []).filter((key) => key.startsWith('iso3166-1:')).map((key) => key.slice('iso3166-1:'.length).toLowerCase()));
  for (const entity of records.entities) {
    const { referents, wikidataId } = identifierProperties(entity);
    const text = (name: string) => (typeof entity.properties[name] === 'string' ? (entity.properties[name] as string) : undefined);
    if (entity.kind === 'PERSON') {
      out.push({
        id: entity.id,
        schema: 'Person',
        caption: entity.name,
        referents,
        properties: withValues({ name: [entity.name], alias: entity.aliases, birthDate: [text('birthDate')], gender: [text('gender')], wikidataId }),
      });
    } else if (entity.kind === 'ORGANIZATION') {
      const orgType = text('orgType') ?? 'OTHER';
      out.push({
        id: entity.id,
        schema: orgType === 'GOVERNMENT' || orgType === 'AGENCY' ? 'PublicBody' : 'Organization',
        caption: entity.name,
        referents,
        properties: withValues({
          name: [entity.name],
          alias: entity.aliases,
          classification: [CLASSIFICATION_OF_ORG_TYPE[orgType] ?? 'other'],
          country: countries(entity),
          wikidataId,
        }),
      });
    } else if (entity.kind === 'POST') {
      const organization = related(entity, 'POST_OF');
      if (organization === undefined || !exported.has(organization)) continue;
      const area = related(entity, 'REPRESENTS');
      out.push({
        id: entity.id,
        schema: 'Position',
        caption: entity.name,
        referents,
        properties: withValues({
          name: [entity.name],
          alias: entity.aliases,
          organization: [organization],
          subnationalArea: [area === undefined ? undefined : exported.get(area)?.name],
          wikidataId,
        }),
      });
    }
  }
  const positions = new Set(out.filter((entity) => entity.schema === 'Position').map((entity) => entity.id));
  for (const tenure of records.tenures) {
    if (!positions.has(tenure.postId)) continue;
    out.push({
      id: tenure.id,
      schema: 'Occupancy',
      caption: 'Occupancy',
      referents: [],
      properties: withValues({
        holder: [tenure.personId],
        post: [tenure.postId],
        startDate: [tenure.startDate],
        endDate: [tenure.endDate],
        status: [tenure.endDate === null ? undefined : 'ended'],
        summary: tenure.evidence.map((item) => `stated by ${item.sourceId}${item.note === null ? '' : `: ${item.note}`}`),
      }),
    });
  }
  return out.map((entity) => `${JSON.stringify({ id: entity.id, caption: entity.caption, schema: entity.schema, referents: entity.referents, properties: entity.properties })}\n`).join('');
}
