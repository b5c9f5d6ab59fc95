/**
 * Converts a Popolo JSON data set (https://www.popoloproject.com, as EveryPolitician publishes
 * it) into ONE ingest document, so a whole data set enters the graph the same way a news
 * report does: validated and written by ingestDocument in one write transaction.
 *
 * The data set is the source and its exact raw text is the source text; every entity and fact
 * quotes the raw JSON of the record it comes from (found by jsonSpans, not re-serialized), so
 * each statement can be traced to its record. A membership's own sources (sources[].url) go
 * into the note of its tenure, so no source is lost.
 *
 * Mapping: persons → PERSON, organizations → ORGANIZATION, areas → PLACE, events → EVENT,
 * each membership → a TENURE of a POST per (organization, area, role), the post POST_OF the
 * organization and REPRESENTS the area, held onBehalfOf the party. Dates a membership lacks come
 * from its legislative period (an event), and the tenure's note says so. Contact details,
 * e-mail addresses and images are personal data that office-holding does not need: left out.
 */
import { badUserInput, type FieldProblem } from '../errors.js';
import type { IngestDocument, IngestEntity, IngestFact } from '../model/document.js';
import { LIMITS, ORG_TYPES } from '../model/document.js';
import { entityId, slugify } from '../model/ids.js';
import { withoutUndefined } from '../model/withoutUndefined.js';
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/partialDate.js';
import { topLevelArraySpans, type Span } from './jsonSpans.js';

export interface PopoloImportOptions {
  /** Source title; default "Popolo: " and the file name in title case. */
  name?: string;
  /** Default: meta.publisher, else the hosts of meta.sources. */
  publisher?: string;
  url?: string;
  publishedDate?: string;
  retrievedAt?: string;
  /** The file the text came from, for the default name. */
  fileName?: string;
}

export interface PopoloCounts {
  persons: number;
  organizations: number;
  areas: number;
  events: number;
  memberships: number;
  posts: number;
}

export interface PopoloConversion {
  document: IngestDocument;
  /** Records read per kind, and the posts derived from memberships. */
  counts: PopoloCounts;
}

/** The record collections a Popolo document may have; persons is required. */
const COLLECTIONS = ['persons', 'organizations', 'areas', 'events', 'posts', 'memberships'] as const;
type Collection = (typeof COLLECTIONS)[number];

type PopoloRecord = Record<string, unknown>;

interface Located {
  record: PopoloRecord;
  path: string;
  quote: string;
  ref: string;
}

/** Legislature and party map onto officegraph's organization types; everything else is OTHER. */
const ORG_TYPE_OF_CLASSIFICATION: Record<string, (typeof ORG_TYPES)[number]> = {
  legislature: 'LEGISLATURE',
  party: 'PARTY',
  executive: 'GOVERNMENT',
  committee: 'COMMITTEE',
};

/** Converts Popolo JSON text; throws BAD_USER_INPUT listing every problem, each with its record path. */
export function convertPopolo(rawText: string, options: PopoloImportOptions = {}): PopoloConversion {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw badUserInput([{ path: '(file)', message: `expected Popolo JSON, but got text that is not JSON (${(error as Error).message})` }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw badUserInput([{ path: '(file)', message: `expected a Popolo JSON object with a "persons" array, but got: ${describe(data)}` }]);
  }
  const top = data as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!Array.isArray(top.persons)) problem('persons', `expected an array of Popolo persons, but got: ${describe(top.persons)}`);
  for (const collection of COLLECTIONS) {
    if (top[collection] !== undefined && !Array.isArray(top[collection])) {
      problem(collection, `expected an array, but got: ${describe(top[collection])}`);
    }
  }
  if (problems.length > 0) throw badUserInput(problems);

  const spans = topLevelArraySpans(text);
  const records = (collection: Collection): Located[] => {
    const list = (top[collection] as unknown[] | undefined) ?? [];
    const listSpans = spans.get(collection) ?? [];
    return list.flatMap((record, index) => {
      const path = `${collection}[${index}]`;
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        problem(path, `expected an object, but got: ${describe(record)}`);
        return [];
      }
      const span = listSpans[index] as Span;
      return [{ record: record as PopoloRecord, path, quote: quoteOf(text, span), ref: `${collection}/${index}` }];
    });
  };
  const persons = records('persons');
  const organizations = records('organizations');
  const areas = records('areas');
  const events = records('events');
  const posts = records('posts');
  const memberships = records('memberships');

  const byId = (located: Located[], collection: Collection, needsName: boolean) => {
    const map = new Map<string, Located>();
    for (const item of located) {
      const id = item.record.id;
      if (typeof id !== 'string' || id.trim() === '') {
        problem(`${item.path}.id`, `expected a non-empty string, but got: ${describe(id)}`);
        continue;
      }
      if (map.has(id)) problem(`${item.path}.id`, `is the id of another record in ${collection}, but got: ${JSON.stringify(id)}`);
      if (needsName && (typeof item.record.name !== 'string' || item.record.name.trim() === '')) {
        problem(`${item.path}.name`, `expected a non-empty string, but got: ${describe(item.record.name)}`);
      }
      map.set(id, item);
    }
    return map;
  };
  const personsById = byId(persons, 'persons', true);
  const organizationsById = byId(organizations, 'organizations', true);
  const areasById = byId(areas, 'areas', true);
  const eventsById = byId(events, 'events', true);
  const postsById = byId(posts, 'posts', false);

  const date = (item: Located, field: string): string | undefined => {
    const value = item.record[field];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string' && isPartialDate(value)) return value;
    problem(`${item.path}.${field}`, `expected ${PARTIAL_DATE_HINT}, but got: ${describe(value)}`);
    return undefined;
  };
  const lookup = <T>(map: Map<string, T>, item: Located, field: string, what: string, required: boolean): T | undefined => {
    const value = item.record[field];
    if (value === undefined || value === null) {
      if (required) problem(`${item.path}.${field}`, `expected the id of ${what}, but got: ${describe(value)}`);
      return undefined;
    }
    const found = typeof value === 'string' ? map.get(value) : undefined;
    if (found === undefined) problem(`${item.path}.${field}`, `refers to no ${what}, but got: ${JSON.stringify(value)}`);
    return found;
  };

  const entities: IngestEntity[] = [];
  const facts: IngestFact[] = [];
  const base = (item: Located) => ({
    ref: item.ref,
    name: nameOf(item.record),
    aliases: otherNames(item.record),
    ...withIdentifiers(item.record),
    quote: item.quote,
  });
  // Names that occur twice in one kind get the record id as disambiguator, so ids stay distinct.
  const disambiguateRepeatedNames = (located: Located[], kind: IngestEntity['kind'], preferred: (item: Located) => string | undefined) => {
    const seen = new Map<string, number>();
    for (const item of located) {
      const id = entityId(kind, nameOf(item.record), preferred(item));
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    return (item: Located): string | undefined => {
      const own = preferred(item);
      if ((seen.get(entityId(kind, nameOf(item.record), own)) ?? 0) < 2) return own;
      return own === undefined ? String(item.record.id) : `${own}-${String(item.record.id)}`;
    };
  };

  const personDisambiguator = disambiguateRepeatedNames(persons, 'PERSON', (item) => wikidataId(item.record) ?? String(item.record.id).slice(0, 8));
  for (const item of personsById.values()) {
    entities.push({
      kind: 'PERSON',
      ...base(item),
      disambiguator: personDisambiguator(item),
      gender: typeof item.record.gender === 'string' && item.record.gender.trim() !== '' ? item.record.gender.trim() : undefined,
      birthDate: date(item, 'birth_date'),
    });
  }
  const organizationDisambiguator = disambiguateRepeatedNames(organizations, 'ORGANIZATION', (item) => wikidataId(item.record));
  for (const item of organizationsById.values()) {
    const classification = typeof item.record.classification === 'string' ? item.record.classification.toLowerCase() : '';
    entities.push({
      kind: 'ORGANIZATION',
      ...base(item),
      disambiguator: organizationDisambiguator(item),
      orgType: ORG_TYPE_OF_CLASSIFICATION[classification] ?? 'OTHER',
    });
    const parent = lookup(organizationsById, item, 'parent_id', 'organization', false);
    if (parent) facts.push({ type: 'PART_OF', from: item.ref, to: parent.ref, quote: item.quote });
  }
  const areaDisambiguator = disambiguateRepeatedNames(areas, 'PLACE', () => undefined);
  for (const item of areasById.values()) {
    entities.push({
      kind: 'PLACE',
      ...base(item),
      disambiguator: areaDisambiguator(item),
      placeType: optionalString(item.record.type),
    });
    const parent = lookup(areasById, item, 'parent_id', 'area', false);
    if (parent) facts.push({ type: 'WITHIN', from: item.ref, to: parent.ref, quote: item.quote });
  }
  const eventDisambiguator = disambiguateRepeatedNames(events, 'EVENT', () => undefined);
  for (const item of eventsById.values()) {
    entities.push({
      kind: 'EVENT',
      ...base(item),
      disambiguator: eventDisambiguator(item),
      eventType: optionalString(item.record.classification),
      startDate: date(item, 'start_date'),
      endDate: date(item, 'end_date'),
    });
    const organizer = lookup(organizationsById, item, 'organization_id', 'organization', false);
    if (organizer) facts.push({ type: 'ORGANIZED_BY', from: item.ref, to: organizer.ref, quote: item.quote });
  }

  // One post per (organization, area, role); a Popolo post record, when a membership names one, gives the label.
  const postRefs = new Map<string, string>();
  memberships.forEach((item) => {
    const person = lookup(personsById, item, 'person_id', 'person', true);
    const popoloPost = lookup(postsById, item, 'post_id', 'post', false);
    const organization = popoloPost
      ? lookup(organizationsById, popoloPost, 'organization_id', 'organization', true)
      : lookup(organizationsById, item, 'organization_id', 'organization', true);
    const area = lookup(areasById, popoloPost ?? item, 'area_id', 'area', false);
    const party = lookup(organizationsById, item, 'on_behalf_of_id', 'organization', false);
    const period = lookup(eventsById, item, 'legislative_period_id', 'event', false);
    const startDate = date(item, 'start_date');
    const endDate = date(item, 'end_date');
    if (!person || !organization) return;

    const role = capitalise(optionalString(popoloPost?.record.role) ?? optionalString(item.record.role) ?? 'member');
    const organizationName = nameOf(organization.record).replace(/^the\s+/i, '');
    const postName =
      optionalString(popoloPost?.record.label) ??
      (area ? `${role} of the ${organizationName} for ${nameOf(area.record)}` : `${role} of the ${organizationName}`);
    const postKey = JSON.stringify([organization.ref, area?.ref ?? null, postName]);
    let postRef = postRefs.get(postKey);
    if (postRef === undefined) {
      postRef = `post/${postRefs.size}`;
      postRefs.set(postKey, postRef);
      const postQuote = popoloPost?.quote ?? item.quote;
      entities.push({ kind: 'POST', ref: postRef, name: postName, aliases: [], role, quote: postQuote });
      facts.push({ type: 'POST_OF', from: postRef, to: organization.ref, quote: postQuote });
      if (area) facts.push({ type: 'REPRESENTS', from: postRef, to: area.ref, quote: postQuote });
    }

    const periodStart = period ? optionalString(period.record.start_date) : undefined;
    const periodEnd = period ? optionalString(period.record.end_date) : undefined;
    const notes = recordSourceUrls(item.record).map((url) => `record source: ${url}`);
    const inferred = [startDate === undefined && periodStart !== undefined ? 'start' : undefined, endDate === undefined && periodEnd !== undefined ? 'end' : undefined]
      .filter(Boolean)
      .join(' and ');
    if (inferred !== '') notes.push(`${inferred} date from legislative period ${JSON.stringify(period?.record.id)}`);
    facts.push({
      type: 'TENURE',
      person: person.ref,
      post: postRef,
      startDate: startDate ?? (periodStart !== undefined && isPartialDate(periodStart) ? periodStart : undefined),
      endDate: endDate ?? (periodEnd !== undefined && isPartialDate(periodEnd) ? periodEnd : undefined),
      onBehalfOf: party?.ref,
      quote: item.quote,
      note: notes.length > 0 ? notes.join('; ') : undefined,
    });
  });
  if (problems.length > 0) throw badUserInput(problems);

  const name = options.name ?? `Popolo: ${titleFromFileName(options.fileName ?? 'data set')}`;
  const document: IngestDocument = {
    source: withoutUndefined({
      id: `source:${slugify(name)}`,
      name,
      url: options.url,
      publisher: options.publisher ?? publisherFromMeta(top.meta),
      publishedDate: options.publishedDate,
      retrievedAt: options.retrievedAt,
      language: 'en',
      text,
    }) as IngestDocument['source'],
    entities: entities.map((entity) => withoutUndefined(entity)),
    facts: facts.map((fact) => withoutUndefined(fact)),
  };
  return {
    document,
    counts: {
      persons: personsById.size,
      organizations: organizationsById.size,
      areas: areasById.size,
      events: eventsById.size,
      memberships: memberships.length,
      posts: postRefs.size,
    },
  };
}

/**
 * The record's raw text. A record longer than a quote may be is quoted by its beginning, which is
 * still the file's exact words.
 */
function quoteOf(text: string, span: Span): string {
  return text.slice(span.start, Math.min(span.end, span.start + LIMITS.stringLength)).trim();
}

function nameOf(record: PopoloRecord): string {
  return typeof record.name === 'string' ? record.name.trim() : String(record.id);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** other_names (all scripts), without the name itself and without repeats. */
function otherNames(record: PopoloRecord): string[] {
  const name = nameOf(record);
  const names = Array.isArray(record.other_names) ? record.other_names : [];
  const aliases = new Set<string>();
  for (const other of names) {
    const alias = optionalString((other as PopoloRecord | null)?.name);
    if (alias !== undefined && alias !== name && alias.length <= 1_000) aliases.add(alias);
  }
  return [...aliases].slice(0, LIMITS.aliases);
}

/** identifiers as "scheme:value"; none when the record has none. */
function withIdentifiers(record: PopoloRecord): { identifiers?: string[] } {
  const list = Array.isArray(record.identifiers) ? record.identifiers : [];
  const identifiers = new Set<string>();
  for (const entry of list) {
    const scheme = optionalString((entry as PopoloRecord | null)?.scheme);
    const value = optionalString((entry as PopoloRecord | null)?.identifier);
    if (scheme !== undefined && value !== undefined && /^[A-Za-z0-9_.-]+$/.test(scheme)) identifiers.add(`${scheme}:${value}`);
  }
  return identifiers.size > 0 ? { identifiers: [...identifiers].slice(0, LIMITS.identifiers) } : {};
}

function wikidataId(record: PopoloRecord): string | undefined {
  const list = Array.isArray(record.identifiers) ? record.identifiers : [];
  const entry = list.find((item) => (item as PopoloRecord | null)?.scheme === 'wikidata') as PopoloRecord | undefined;
  return optionalString(entry?.identifier);
}

function recordSourceUrls(record: PopoloRecord): string[] {
  const list = Array.isArray(record.sources) ? record.sources : [];
  return list.flatMap((entry) => {
    const url = optionalString((entry as PopoloRecord | null)?.url);
    return url === undefined ? [] : [url];
  });
}

function publisherFromMeta(meta: unknown): string | undefined {
  if (meta === null || typeof meta !== 'object') return undefined;
  const { publisher, sources } = meta as PopoloRecord;
  if (typeof publisher === 'string' && publisher.trim() !== '') return publisher.trim();
  if (!Array.isArray(sources)) return undefined;
  const hosts = sources.flatMap((source) => {
    try {
      return [new URL(String(source)).hostname.replace(/^www\./, '')];
    } catch {
      return [];
    }
  });
  return hosts.length > 0 ? [...new Set(hosts)].join(', ') : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an']);

/** "nigeria-house-of-representatives.json" → "Nigeria House of Representatives". */
export function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  return stem
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : capitalise(word)))
    .join(' ');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value).slice(0, 200);
}
