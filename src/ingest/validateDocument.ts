/**
 * Checks an ingest document as a whole before anything is written: shape (zod), quotes that
 * really occur in the source text, references that resolve to an entity of the right kind,
 * and date order. Every problem is reported at once, each naming the path of the bad field.
 */
import type { FieldProblem } from '../errors.js';
import {
  ingestDocumentSchema,
  RELATION_ENDPOINTS,
  type EntityKind,
  type IngestDocument,
  type IngestEntity,
  type RelationType,
} from './document.js';
import { entityId, ID_PREFIX, tenureId } from './ids.js';
import { firstDay } from './partialDate.js';

/** A reference that is not a ref in the document but an id already in the graph. */
export interface ExternalReference {
  id: string;
  /** Kinds the reference may have; "TENURE" for successions. */
  kinds: ReadonlyArray<EntityKind | 'TENURE'>;
  path: string;
}

export interface ValidDocument {
  document: IngestDocument;
  /** Graph id of every entity ref in the document. */
  idsByRef: ReadonlyMap<string, string>;
  /** Graph id of every TENURE fact that has a ref. */
  tenureIdsByRef: ReadonlyMap<string, string>;
  externalReferences: ExternalReference[];
}

export type ValidationResult = { ok: true; value: ValidDocument } | { ok: false; problems: FieldProblem[] };

export function validateDocument(input: unknown): ValidationResult {
  const parsed = ingestDocumentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const document = parsed.data;
  const problems: FieldProblem[] = [];
  const normalizedText = normalizeSpace(document.source.text);
  const checkQuote = (quote: string, path: string) => {
    if (!normalizedText.includes(normalizeSpace(quote))) {
      problems.push({ path: `${path}.quote`, message: `does not occur in source.text, but got: ${JSON.stringify(quote)}` });
    }
  };

  const entitiesByRef = new Map<string, IngestEntity>();
  const idsByRef = new Map<string, string>();
  const refsById = new Map<string, string>();
  document.entities.forEach((entity, index) => {
    const path = `entities[${index}]`;
    if (entitiesByRef.has(entity.ref)) {
      problems.push({ path: `${path}.ref`, message: `is used by another entity, but got: ${JSON.stringify(entity.ref)}` });
    }
    const id = entity.id ?? entityId(entity.kind, entity.name, entity.disambiguator);
    if (entity.id !== undefined && !entity.id.startsWith(`${ID_PREFIX[entity.kind]}:`)) {
      problems.push({
        path: `${path}.id`,
        message: `expected an id starting with "${ID_PREFIX[entity.kind]}:" for a ${entity.kind}, but got: ${JSON.stringify(entity.id)}`,
      });
    }
    const otherRef = refsById.get(id);
    if (otherRef !== undefined && otherRef !== entity.ref) {
      problems.push({
        path: `${path}`,
        message: `has the same id ${JSON.stringify(id)} as entity ${JSON.stringify(otherRef)}; give one of them a disambiguator`,
      });
    }
    entitiesByRef.set(entity.ref, entity);
    idsByRef.set(entity.ref, id);
    refsById.set(id, entity.ref);
    checkQuote(entity.quote, path);
    if (entity.kind === 'EVENT') checkOrder(entity.startDate, entity.endDate, path, problems);
  });

  const externalReferences: ExternalReference[] = [];
  const resolve = (reference: string, kinds: ReadonlyArray<EntityKind>, path: string) => {
    const entity = entitiesByRef.get(reference);
    if (entity) {
      if (!kinds.includes(entity.kind)) {
        problems.push({
          path,
          message: `expected a reference to a ${kinds.join(' or ')}, but got: ${JSON.stringify(reference)} (a ${entity.kind})`,
        });
      }
      return;
    }
    if (reference.includes(':')) {
      externalReferences.push({ id: reference, kinds, path });
      return;
    }
    problems.push({
      path,
      message: `expected the ref of an entity in this document or the id of one in the graph, but got: ${JSON.stringify(reference)}`,
    });
  };

  const tenureIdsByRef = new Map<string, string>();
  document.facts.forEach((fact, index) => {
    const path = `facts[${index}]`;
    checkQuote(fact.quote, path);
    switch (fact.type) {
      case 'TENURE': {
        resolve(fact.person, ['PERSON'], `${path}.person`);
        resolve(fact.post, ['POST'], `${path}.post`);
        checkOrder(fact.startDate, fact.endDate, path, problems);
        if (fact.ref !== undefined) {
          if (tenureIdsByRef.has(fact.ref) || entitiesByRef.has(fact.ref)) {
            problems.push({ path: `${path}.ref`, message: `is used twice, but got: ${JSON.stringify(fact.ref)}` });
          }
          const personId = idsByRef.get(fact.person) ?? fact.person;
          const postId = idsByRef.get(fact.post) ?? fact.post;
          tenureIdsByRef.set(fact.ref, tenureId(personId, postId, fact.startDate));
        }
        break;
      }
      case 'PARTICIPATION':
        resolve(fact.person, ['PERSON'], `${path}.person`);
        resolve(fact.event, ['EVENT'], `${path}.event`);
        if (fact.capacity !== undefined) resolve(fact.capacity, ['POST'], `${path}.capacity`);
        break;
      case 'GROUP_PARTICIPATION':
        resolve(fact.event, ['EVENT'], `${path}.event`);
        if (fact.organization !== undefined) resolve(fact.organization, ['ORGANIZATION'], `${path}.organization`);
        break;
      case 'SUCCEEDS':
        break;
      default:
        checkRelation(fact.type, fact.from, fact.to, path);
    }
  });
  // Successions refer to tenures, which are all known only after the loop above.
  document.facts.forEach((fact, index) => {
    if (fact.type !== 'SUCCEEDS') return;
    for (const end of ['from', 'to'] as const) {
      const reference = fact[end];
      if (tenureIdsByRef.has(reference)) continue;
      if (reference.startsWith('tenure:')) {
        externalReferences.push({ id: reference, kinds: ['TENURE'], path: `facts[${index}].${end}` });
      } else {
        problems.push({
          path: `facts[${index}].${end}`,
          message: `expected the ref of a TENURE fact in this document or a tenure id, but got: ${JSON.stringify(reference)}`,
        });
      }
    }
  });

  function checkRelation(type: RelationType, from: string, to: string, path: string) {
    const shapes: ReadonlyArray<readonly [EntityKind, EntityKind]> = RELATION_ENDPOINTS[type];
    const fromKinds = [...new Set(shapes.map(([kind]) => kind))];
    resolve(from, fromKinds, `${path}.from`);
    const fromEntity = entitiesByRef.get(from);
    const toKinds = fromEntity
      ? shapes.filter(([kind]) => kind === fromEntity.kind).map(([, kind]) => kind)
      : [...new Set(shapes.map(([, kind]) => kind))];
    resolve(to, toKinds.length > 0 ? toKinds : shapes.map(([, kind]) => kind), `${path}.to`);
  }

  // A post is always a post of some organization (Post.organization is never null).
  const postsWithOrganization = new Set(
    document.facts.flatMap((fact) => (fact.type === 'POST_OF' ? [fact.from] : [])),
  );
  document.entities.forEach((entity, index) => {
    if (entity.kind === 'POST' && !postsWithOrganization.has(entity.ref)) {
      problems.push({
        path: `entities[${index}]`,
        message: `expected a POST_OF fact linking post ${JSON.stringify(entity.ref)} to its organization, but the document has none`,
      });
    }
  });

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { document, idsByRef, tenureIdsByRef, externalReferences } };
}

function checkOrder(start: string | undefined, end: string | undefined, path: string, problems: FieldProblem[]) {
  if (start !== undefined && end !== undefined && firstDay(end) < firstDay(start)) {
    problems.push({ path: `${path}.endDate`, message: `expected a date not before startDate ${start}, but got: ${JSON.stringify(end)}` });
  }
}

/** Quotes are compared with runs of white space folded, so line breaks in the text do not matter. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result === '' ? String(segment) : `.${String(segment)}`;
  }
  return result === '' ? '(document)' : result;
}
