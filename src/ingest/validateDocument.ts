/**
 * Checks an ingest document as a whole before anything is written: shape (zod), quotes that
 * really occur in the source text, references that resolve to an entity of the right kind,
 * and date order. Every problem is reported at once, each naming the path of the bad field.
 */
import type { FieldProblem } from '../errors.js';
import {
  entitySchema,
  factSchema,
  ingestDocumentSchema,
  RELATION_ENDPOINTS,
  sourceSchema,
  type EntityKind,
  type IngestDocument,
  type IngestEntity,
  type RelationType,
} from '../model/document.js';
import { entityId, ID_PREFIX } from '../model/ids.js';
import { firstDay } from '../model/partialDate.js';

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
  externalReferences: ExternalReference[];
}

export type ValidationResult = { ok: true; value: ValidDocument } | { ok: false; problems: FieldProblem[] };

export function validateDocument(input: unknown): ValidationResult {
  const parsed = ingestDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const shapeProblems = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    // The parts that do have the right shape are checked as a whole too, so one answer lists
    // every problem: a bad date and a quote missing from the text are reported together.
    const parts = parseParts(input);
    const partProblems = parts ? checkDocument(parts.document, parts.unparsed).problems : [];
    return { ok: false, problems: [...shapeProblems, ...partProblems] };
  }
  const document = parsed.data;
  const { problems, ...resolved } = checkDocument(document, NOTHING_UNPARSED);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { document, ...resolved } };
}

/** What a partly malformed document still says: the refs of its malformed entities and the posts its malformed POST_OF facts name. */
interface Unparsed {
  entityRefs: ReadonlySet<string>;
  postOfRefs: ReadonlySet<string>;
}
const NOTHING_UNPARSED: Unparsed = { entityRefs: new Set(), postOfRefs: new Set() };

/** A document with holes where entities or facts are malformed. */
interface PartialDocument {
  source: IngestDocument['source'] | undefined;
  entities: ReadonlyArray<IngestEntity | undefined>;
  facts: ReadonlyArray<IngestDocument['facts'][number] | undefined>;
}

/** Parses source, entities and facts one by one; undefined when even the outline is wrong. */
function parseParts(input: unknown): { document: PartialDocument; unparsed: Unparsed } | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const raw = input as { source?: unknown; entities?: unknown; facts?: unknown };
  if (!Array.isArray(raw.entities) || !Array.isArray(raw.facts)) return undefined;
  const source = sourceSchema.safeParse(raw.source);
  const entityRefs = new Set<string>();
  const postOfRefs = new Set<string>();
  const entities = raw.entities.map((item: unknown) => {
    const entity = entitySchema.safeParse(item);
    if (entity.success) return entity.data;
    const ref = (item as { ref?: unknown } | null)?.ref;
    if (typeof ref === 'string') entityRefs.add(ref.trim());
    return undefined;
  });
  const facts = raw.facts.map((item: unknown) => {
    const fact = factSchema.safeParse(item);
    if (fact.success) return fact.data;
    const { type, from } = (item ?? {}) as { type?: unknown; from?: unknown };
    if (type === 'POST_OF' && typeof from === 'string') postOfRefs.add(from.trim());
    return undefined;
  });
  return { document: { source: source.success ? source.data : undefined, entities, facts }, unparsed: { entityRefs, postOfRefs } };
}

/**
 * The checks that need the whole document (quotes, references, kinds, date order), and the
 * graph ids they resolve. Malformed entries (undefined) are skipped, and references to
 * malformed entities are not reported twice.
 */
function checkDocument(document: PartialDocument, unparsed: Unparsed): Omit<ValidDocument, 'document'> & { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const normalizedText = document.source === undefined ? undefined : normalizeSpace(document.source.text);
  const checkQuote = (quote: string, path: string) => {
    if (normalizedText !== undefined && !normalizedText.includes(normalizeSpace(quote))) {
      problems.push({ path: `${path}.quote`, message: `does not occur in source.text, but got: ${JSON.stringify(quote)}` });
    }
  };

  const entitiesByRef = new Map<string, IngestEntity>();
  const idsByRef = new Map<string, string>();
  const refsById = new Map<string, string>();
  document.entities.forEach((entity, index) => {
    if (entity === undefined) return;
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
    if (unparsed.entityRefs.has(reference)) return;
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

  const tenureRefs = new Set<string>();
  document.facts.forEach((fact, index) => {
    if (fact === undefined) return;
    const path = `facts[${index}]`;
    checkQuote(fact.quote, path);
    switch (fact.type) {
      case 'TENURE': {
        resolve(fact.person, ['PERSON'], `${path}.person`);
        resolve(fact.post, ['POST'], `${path}.post`);
        if (fact.onBehalfOf !== undefined) resolve(fact.onBehalfOf, ['ORGANIZATION'], `${path}.onBehalfOf`);
        checkOrder(fact.startDate, fact.endDate, path, problems);
        if (fact.ref !== undefined) {
          if (tenureRefs.has(fact.ref) || entitiesByRef.has(fact.ref)) {
            problems.push({ path: `${path}.ref`, message: `is used twice, but got: ${JSON.stringify(fact.ref)}` });
          }
          tenureRefs.add(fact.ref);
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
    if (fact?.type !== 'SUCCEEDS') return;
    for (const end of ['from', 'to'] as const) {
      const reference = fact[end];
      if (tenureRefs.has(reference)) continue;
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
  const postsWithOrganization = new Set([
    ...document.facts.flatMap((fact) => (fact?.type === 'POST_OF' ? [fact.from] : [])),
    ...unparsed.postOfRefs,
  ]);
  document.entities.forEach((entity, index) => {
    if (entity?.kind === 'POST' && !postsWithOrganization.has(entity.ref)) {
      problems.push({
        path: `entities[${index}]`,
        message: `expected a POST_OF fact linking post ${JSON.stringify(entity.ref)} to its organization, but the document has none`,
      });
    }
  });

  return { problems, idsByRef, externalReferences };
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
