/**
 * Measures a draft against a reference (an ingest document such as a seed, or a fixture's
 * hand-made expected facts): entities are matched first (same id; else same kind and a shared
 * name or alias, ignoring case; an event also by its start date and matched organizer), then
 * facts are compared by type and endpoints (a participation also by role). Recall is the share
 * of the reference's facts the draft has; precision the share of the draft's facts the reference
 * has.
 */
import type { EntityKind } from '../model/document.js';
import { entityId } from '../model/ids.js';
import type { DraftDocument } from './draft.js';
import { Gazetteer, normalizeName, type GazetteerEntry } from './gazetteer.js';

export interface ReferenceEntity {
  id: string;
  kind: EntityKind;
  names: string[];
  startDate?: string;
  organizer?: string;
}

export interface ReferenceFact {
  type: string;
  [field: string]: unknown;
}

export interface Reference {
  entities: ReferenceEntity[];
  facts: ReferenceFact[];
}

export interface TypeScore {
  type: string;
  expected: number;
  drafted: number;
  matched: number;
  recall: number;
  precision: number;
  missed: string[];
  wrong: string[];
}

export const MEASURED_TYPES = ['PARTICIPATION', 'TENURE', 'APPROVED'] as const;

interface DocumentLike {
  entities: ReadonlyArray<Record<string, unknown>>;
  facts: ReadonlyArray<Record<string, unknown>>;
}

/** The reference an ingest document gives: its entities (names and aliases) and facts by id. */
export function referenceFromDocument(document: DocumentLike): Reference {
  const idOf = refIds(document);
  const resolve = (reference: unknown) => idOf.get(String(reference)) ?? String(reference);
  const organizers = new Map<string, string>();
  for (const fact of document.facts) if (fact.type === 'ORGANIZED_BY') organizers.set(resolve(fact.from), resolve(fact.to));
  const entities = document.entities.map((entity) => {
    const id = resolve(entity.ref);
    return {
      id,
      kind: entity.kind as EntityKind,
      names: [String(entity.name), ...((entity.aliases as string[] | undefined) ?? [])],
      ...(entity.startDate ? { startDate: String(entity.startDate) } : {}),
      ...(organizers.has(id) ? { organizer: organizers.get(id) } : {}),
    };
  });
  const facts = document.facts.map((fact) => Object.fromEntries(Object.entries(fact).map(([key, value]) => [key, ENDPOINTS.has(key) ? resolve(value) : value])) as ReferenceFact);
  return { entities, facts };
}

/** The gazetteer a graph holding this document would give (names, aliases, post organizations). */
export function gazetteerFromDocument(document: DocumentLike): Gazetteer {
  const idOf = refIds(document);
  const postOrganization = new Map<string, string>();
  for (const fact of document.facts) {
    if (fact.type === 'POST_OF') postOrganization.set(idOf.get(String(fact.from)) ?? String(fact.from), idOf.get(String(fact.to)) ?? String(fact.to));
  }
  return new Gazetteer(
    document.entities.map((entity): GazetteerEntry => {
      const id = idOf.get(String(entity.ref)) as string;
      return {
        id,
        kind: entity.kind as EntityKind,
        name: String(entity.name),
        aliases: (entity.aliases as string[] | undefined) ?? [],
        orgType: (entity.orgType as string | undefined) ?? (entity.kind === 'ORGANIZATION' ? 'OTHER' : null),
        role: (entity.role as string | undefined) ?? null,
        organizationId: postOrganization.get(id) ?? null,
      };
    }),
  );
}

const ENDPOINTS = new Set(['person', 'post', 'event', 'capacity', 'from', 'to', 'organization']);

function refIds(document: DocumentLike): Map<string, string> {
  return new Map(
    document.entities.map((entity) => [
      String(entity.ref),
      (entity.id as string | undefined) ?? entityId(entity.kind as EntityKind, String(entity.name), entity.disambiguator as string | undefined),
    ]),
  );
}

/** Scores per fact type, for the measured types (or those given). */
export function scoreDraft(draft: DraftDocument, reference: Reference, types: ReadonlyArray<string> = MEASURED_TYPES): TypeScore[] {
  const drafted = referenceFromDocument(draft);
  const mapping = matchEntities(drafted.entities, reference.entities);
  const referenceIds = new Set(reference.entities.map((entity) => entity.id));
  // A drafted fact may name a graph id directly (a known post's organization): it is its own match.
  const mapId = (id: unknown) => mapping.get(String(id)) ?? (referenceIds.has(String(id)) ? String(id) : `unmatched:${String(id)}`);
  return types.map((type) => {
    const expectedKeys = new Set(reference.facts.filter((fact) => fact.type === type).map((fact) => factKey(fact, (id) => String(id))));
    const draftedKeys = new Set(drafted.facts.filter((fact) => fact.type === type).map((fact) => factKey(fact, mapId)));
    const matched = [...draftedKeys].filter((key) => expectedKeys.has(key)).length;
    return {
      type,
      expected: expectedKeys.size,
      drafted: draftedKeys.size,
      matched,
      recall: expectedKeys.size === 0 ? 1 : matched / expectedKeys.size,
      precision: draftedKeys.size === 0 ? (expectedKeys.size === 0 ? 1 : 0) : matched / draftedKeys.size,
      missed: [...expectedKeys].filter((key) => !draftedKeys.has(key)).sort(),
      wrong: [...draftedKeys].filter((key) => !expectedKeys.has(key)).sort(),
    };
  });
}

function factKey(fact: ReferenceFact, mapId: (id: unknown) => string): string {
  switch (fact.type) {
    case 'TENURE':
      return `TENURE ${mapId(fact.person)} ${mapId(fact.post)}`;
    case 'PARTICIPATION':
      return `PARTICIPATION ${mapId(fact.person)} ${mapId(fact.event)} ${String(fact.role)}`;
    case 'GROUP_PARTICIPATION':
      return `GROUP_PARTICIPATION ${mapId(fact.event)} ${normalizeName(String(fact.name))}`;
    default:
      return `${fact.type} ${mapId(fact.from)} ${mapId(fact.to)}`;
  }
}

/** Drafted entity id → reference entity id, for the drafted entities that match one. */
export function matchEntities(drafted: ReadonlyArray<ReferenceEntity>, reference: ReadonlyArray<ReferenceEntity>): Map<string, string> {
  const mapping = new Map<string, string>();
  const byId = new Map(reference.map((entity) => [entity.id, entity]));
  for (const entity of drafted) {
    if (byId.has(entity.id)) {
      mapping.set(entity.id, entity.id);
      continue;
    }
    const names = new Set(entity.names.map(normalizeName));
    const same = reference.find((candidate) => candidate.kind === entity.kind && candidate.names.some((name) => names.has(normalizeName(name))));
    if (same) mapping.set(entity.id, same.id);
  }
  // Events: the same start date and the same (matched) organizer.
  for (const entity of drafted) {
    if (entity.kind !== 'EVENT' || mapping.has(entity.id) || !entity.startDate || !entity.organizer) continue;
    const organizer = mapping.get(entity.organizer);
    const same = reference.find((candidate) => candidate.kind === 'EVENT' && candidate.startDate === entity.startDate && candidate.organizer === organizer);
    if (same) mapping.set(entity.id, same.id);
  }
  return mapping;
}
