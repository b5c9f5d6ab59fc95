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
 * organization and REPRESENTS the area, held onBehalfOf the party. A membership without a start
 * date starts with its legislative period (an event) unless that contradicts its stated end; the
 * period's end is the end of the term (termEnd), never a stated end; the tenure's note says what
 * was inferred and what was not. Contact details,
 * e-mail addresses and images are personal data that office-holding does not need: left out.
 */
import { parseJsonFile } from './parseJsonFile.js';
import { badUserInput, type FieldProblem } from '../errors.js';
import type { IngestDocument, IngestEntity, IngestFact } from '../model/document.js';
import { LIMITS, ORG_TYPES } from '../model/document.js';
import { entityId, ID_PREFIX, slugify } from '../model/ids.js';
import { withoutUndefined } from '../model/withoutUndefined.js';
import { firstDay, isPartialDate, lastDay, PARTIAL_DATE_HINT } from '../model/partialDate.js';
import type { Conversion } from './conversion.js';
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

export type PopoloCounts = {
  persons: number;
  organizations: number;
  areas: number;
  events: number;
  memberships: number;
  posts: number;
};

export interface PopoloConversion extends Conversion {
  /** Records read per kind, and the posts derived from memberships. */
  counts: PopoloCounts;
}

/** The record collections a Popolo document may have; persons is required. */
const COLLECTIONS = ['persons', 'organizations', 'areas', 'events', 'posts', 'memberships'] as const;
type Collection = (typeof COLLECTIONS)[number];

type PopoloRecord = Record<string, unknown>;

const KIND_OF_COLLECTION = { persons: 'PERSON', organizations: 'ORGANIZATION', areas: 'PLACE', events: 'EVENT' } as const;

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
  'party committee': 'PARTY_COMMITTEE',
  agency: 'AGENCY',
};

/**
 * A record whose id is already an officegraph id of its kind ("person:mallam-gana-q35536081", as
 * officegraph's own Popolo export writes) keeps it, so an exported data set imports back onto the
 * same entities.
 */
function ownId(record: PopoloRecord, kind: IngestEntity['kind']): string | undefined {
  const id = record.id;
  return typeof id === 'string' && id.startsWith(`${ID_PREFIX[kind]}:`) && /^[a-z]+:[^\s]+$/u.test(id) && id.length <= 300 ? id : undefined;
}

/**
 * Converts Popolo JSON text. A file that is not Popolo at all (not JSON, no persons array) throws
 * BAD_USER_INPUT. A record that is invalid on its own (a bad date, an end before its own start,
 * a reference to no record) is left out and listed in `problems` with its record path; records
 * that depend on a left-out record (the memberships of a left-out person) are left out too, and
 * `skipped` lists them all. Whether a file with problems is imported without those records is the
 * caller's choice (`--skip-invalid`).
 */
export function convertPopolo(rawText: string, options: PopoloImportOptions = {}): PopoloConversion {
  const { text, data } = parseJsonFile(rawText, 'Popolo JSON');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw badUserInput([{ path: '(file)', message: `expected a Popolo JSON object with a "persons" array, but got: ${describe(data)}` }]);
  }
  const top = data as Record<string, unknown>;
  const fileProblems: FieldProblem[] = [];
  if (!Array.isArray(top.persons)) fileProblems.push({ path: 'persons', message: `expected an array of Popolo persons, but got: ${describe(top.persons)}` });
  for (const collection of COLLECTIONS) {
    if (top[collection] !== undefined && !Array.isArray(top[collection])) {
      fileProblems.push({ path: collection, message: `expected an array, but got: ${describe(top[collection])}` });
    }
  }
  if (fileProblems.length > 0) throw badUserInput(fileProblems);

  // Problems of records invalid on their own, in file order; each marks its record as invalid.
  const problems: FieldProblem[] = [];
  const invalid = new Set<string>();
  const problem = (item: Located | string, field: string | undefined, message: string) => {
    const recordPath = typeof item === 'string' ? item : item.path;
    problems.push({ path: field === undefined ? recordPath : `${recordPath}.${field}`, message });
    invalid.add(recordPath);
  };
  // The records each record refers to, so a record that depends on a left-out one is left out too.
  const dependencies = new Map<string, Located[]>();
  const dependsOn = (item: Located, target: Located | undefined) => {
    if (target !== undefined) dependencies.set(item.path, [...(dependencies.get(item.path) ?? []), target]);
    return target;
  };

  const spans = topLevelArraySpans(text);
  const records = (collection: Collection): Located[] => {
    const list = (top[collection] as unknown[] | undefined) ?? [];
    const listSpans = spans.get(collection) ?? [];
    return list.flatMap((record, index) => {
      const path = `${collection}[${index}]`;
      if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        problem(path, undefined, `expected an object, but got: ${describe(record)}`);
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
        problem(item, 'id', `expected a non-empty string, but got: ${describe(id)}`);
        continue;
      }
      if (needsName && (typeof item.record.name !== 'string' || item.record.name.trim() === '')) {
        problem(item, 'name', `expected a non-empty string, but got: ${describe(item.record.name)}`);
      }
      if (map.has(id)) {
        problem(item, 'id', `is the id of another record in ${collection}, but got: ${JSON.stringify(id)}`);
        continue;
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
    problem(item, field, `expected ${PARTIAL_DATE_HINT}, but got: ${describe(value)}`);
    return undefined;
  };
  /** Stated start and end; an end before its own start makes the record invalid. */
  const period = (item: Located, startField: string, endField: string) => {
    const start = date(item, startField);
    const end = date(item, endField);
    if (start !== undefined && end !== undefined && firstDay(end) < firstDay(start)) {
      problem(item, endField, `expected a date not before ${startField} ${start}, but got: ${JSON.stringify(end)}`);
    }
    return { start, end };
  };
  const lookup = (map: Map<string, Located>, item: Located, field: string, what: string, required: boolean): Located | undefined => {
    const value = item.record[field];
    if (value === undefined || value === null) {
      if (required) problem(item, field, `expected the id of ${what}, but got: ${describe(value)}`);
      return undefined;
    }
    const found = typeof value === 'string' ? map.get(value) : undefined;
    if (found === undefined) problem(item, field, `refers to no ${what}, but got: ${JSON.stringify(value)}`);
    return dependsOn(item, found);
  };

  // First every record's own checks and references, then what is left out, then the document.
  const personDates = new Map(persons.map((item) => [item.path, date(item, 'birth_date')]));
  const organizationParents = new Map(organizations.map((item) => [item.path, lookup(organizationsById, item, 'parent_id', 'organization', false)]));
  const areaParents = new Map(areas.map((item) => [item.path, lookup(areasById, item, 'parent_id', 'area', false)]));
  const eventDetails = new Map(
    events.map((item) => [item.path, { ...period(item, 'start_date', 'end_date'), organizer: lookup(organizationsById, item, 'organization_id', 'organization', false) }]),
  );
  const postDetails = new Map(
    posts.map((item) => [
      item.path,
      {
        organization: lookup(organizationsById, item, 'organization_id', 'organization', true),
        area: lookup(areasById, item, 'area_id', 'area', false),
      },
    ]),
  );
  const membershipDetails = memberships.map((item) => {
    const person = lookup(personsById, item, 'person_id', 'person', true);
    const popoloPost = lookup(postsById, item, 'post_id', 'post', false);
    const postDetail = popoloPost === undefined ? undefined : postDetails.get(popoloPost.path);
    const organization = postDetail ? postDetail.organization : lookup(organizationsById, item, 'organization_id', 'organization', true);
    const area = postDetail ? postDetail.area : lookup(areasById, item, 'area_id', 'area', false);
    const party = lookup(organizationsById, item, 'on_behalf_of_id', 'organization', false);
    const legislativePeriod = lookup(eventsById, item, 'legislative_period_id', 'event', false);
    return { item, person, popoloPost, organization, area, party, legislativePeriod, ...period(item, 'start_date', 'end_date') };
  });

  const skipped = leftOut([...persons, ...organizations, ...areas, ...events, ...posts, ...memberships], invalid, problems, dependencies);
  const kept = (item: Located) => !skipped.paths.has(item.path);

  const entities: IngestEntity[] = [];
  const facts: IngestFact[] = [];
  const base = (item: Located) => ({
    ref: item.ref,
    id: ownId(item.record, KIND_OF_COLLECTION[item.ref.slice(0, item.ref.indexOf('/')) as keyof typeof KIND_OF_COLLECTION]),
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
  const keptPersons = [...personsById.values()].filter(kept);
  const keptOrganizations = [...organizationsById.values()].filter(kept);
  const keptAreas = [...areasById.values()].filter(kept);
  const keptEvents = [...eventsById.values()].filter(kept);

  const personDisambiguator = disambiguateRepeatedNames(keptPersons, 'PERSON', (item) => wikidataId(item.record) ?? String(item.record.id).slice(0, 8));
  for (const item of keptPersons) {
    entities.push({
      kind: 'PERSON',
      ...base(item),
      disambiguator: ownId(item.record, 'PERSON') ? undefined : personDisambiguator(item),
      gender: typeof item.record.gender === 'string' && item.record.gender.trim() !== '' ? item.record.gender.trim() : undefined,
      birthDate: personDates.get(item.path),
    });
  }
  const organizationDisambiguator = disambiguateRepeatedNames(keptOrganizations, 'ORGANIZATION', (item) => wikidataId(item.record));
  for (const item of keptOrganizations) {
    const classification = typeof item.record.classification === 'string' ? item.record.classification.toLowerCase() : '';
    entities.push({
      kind: 'ORGANIZATION',
      ...base(item),
      disambiguator: ownId(item.record, 'ORGANIZATION') ? undefined : organizationDisambiguator(item),
      orgType: ORG_TYPE_OF_CLASSIFICATION[classification] ?? 'OTHER',
    });
    const parent = organizationParents.get(item.path);
    if (parent) facts.push({ type: 'PART_OF', from: item.ref, to: parent.ref, quote: item.quote });
  }
  const areaDisambiguator = disambiguateRepeatedNames(keptAreas, 'PLACE', () => undefined);
  for (const item of keptAreas) {
    entities.push({
      kind: 'PLACE',
      ...base(item),
      disambiguator: ownId(item.record, 'PLACE') ? undefined : areaDisambiguator(item),
      placeType: optionalString(item.record.type),
    });
    const parent = areaParents.get(item.path);
    if (parent) facts.push({ type: 'WITHIN', from: item.ref, to: parent.ref, quote: item.quote });
  }
  const eventDisambiguator = disambiguateRepeatedNames(keptEvents, 'EVENT', () => undefined);
  for (const item of keptEvents) {
    const details = eventDetails.get(item.path);
    entities.push({
      kind: 'EVENT',
      ...base(item),
      disambiguator: ownId(item.record, 'EVENT') ? undefined : eventDisambiguator(item),
      eventType: optionalString(item.record.classification),
      startDate: details?.start,
      endDate: details?.end,
    });
    if (details?.organizer) facts.push({ type: 'ORGANIZED_BY', from: item.ref, to: details.organizer.ref, quote: item.quote });
  }

  // One post per (organization, area, role); a Popolo post record, when a membership names one, gives the label.
  const postRefs = new Map<string, string>();
  for (const membership of membershipDetails) {
    const { item, person, popoloPost, organization, area, party, legislativePeriod } = membership;
    if (!kept(item) || !person || !organization) continue;

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
      const postAliases = Array.isArray(popoloPost?.record.other_label)
        ? [...new Set((popoloPost.record.other_label as unknown[]).flatMap((label) => (optionalString(label) === undefined ? [] : [optionalString(label) as string])))]
        : [];
      entities.push({
        kind: 'POST',
        ref: postRef,
        id: popoloPost ? ownId(popoloPost.record, 'POST') : undefined,
        name: postName,
        aliases: postAliases.filter((alias) => alias !== postName).slice(0, LIMITS.aliases),
        ...(popoloPost ? withIdentifiers(popoloPost.record) : {}),
        role,
        quote: postQuote,
      });
      facts.push({ type: 'POST_OF', from: postRef, to: organization.ref, quote: postQuote });
      if (area) facts.push({ type: 'REPRESENTS', from: postRef, to: area.ref, quote: postQuote });
    }

    const dates = datesFromTerm(membership.start, membership.end, legislativePeriod, legislativePeriod && eventDetails.get(legislativePeriod.path));
    const notes = [...recordSourceUrls(item.record).map((url) => `record source: ${url}`), ...dates.notes];
    facts.push({
      type: 'TENURE',
      person: person.ref,
      post: postRef,
      startDate: dates.startDate,
      endDate: membership.end,
      termEnd: dates.termEnd,
      onBehalfOf: party?.ref,
      quote: item.quote,
      note: notes.length > 0 ? notes.join('; ') : undefined,
    });
  }

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
      persons: persons.length,
      organizations: organizations.length,
      areas: areas.length,
      events: events.length,
      memberships: memberships.length,
      posts: postRefs.size,
    },
    records: COLLECTIONS.reduce((sum, collection) => sum + ((top[collection] as unknown[] | undefined)?.length ?? 0), 0),
    problems,
    skipped: skipped.list,
  };
}

/**
 * A membership's dates with what its legislative period adds. The record's own dates always
 * stand: the period's start is taken only for a membership without a start, and only when it
 * does not fall after the membership's stated end (someone elected who gave the seat up before
 * the term began keeps the stated end and no start). The period's end is never the tenure's end:
 * it is the end of the term (termEnd), which bounds an open tenure, and is given only to a
 * tenure without a stated end that does not start after it. Each inference, and each refusal,
 * is noted.
 */
function datesFromTerm(
  start: string | undefined,
  end: string | undefined,
  legislativePeriod: Located | undefined,
  termDates: { start?: string; end?: string } | undefined,
): { startDate?: string; termEnd?: string; notes: string[] } {
  const notes: string[] = [];
  if (legislativePeriod === undefined || termDates === undefined) return { startDate: start, notes };
  const periodId = JSON.stringify(legislativePeriod.record.id);
  let startDate = start;
  if (start === undefined && termDates.start !== undefined) {
    if (end === undefined || firstDay(termDates.start) <= firstDay(end)) {
      startDate = termDates.start;
      notes.push(`start date from legislative period ${periodId}`);
    } else {
      notes.push(`start date not taken from legislative period ${periodId}: it starts ${termDates.start}, after the stated end date ${end}`);
    }
  }
  let termEnd: string | undefined;
  if (end === undefined && termDates.end !== undefined) {
    if (startDate === undefined || lastDay(termDates.end) >= firstDay(startDate)) {
      termEnd = termDates.end;
      notes.push(`term end ${termDates.end} from legislative period ${periodId}`);
    } else {
      notes.push(`term end not taken from legislative period ${periodId}: it ends ${termDates.end}, before the start date ${startDate}`);
    }
  }
  return { startDate, termEnd, notes };
}

/**
 * The records left out: the invalid ones, with their problems, and every record that refers to
 * a left-out record (through any chain of references), with the record it depends on.
 */
function leftOut(
  all: Located[],
  invalid: ReadonlySet<string>,
  problems: FieldProblem[],
  dependencies: ReadonlyMap<string, Located[]>,
): { paths: Set<string>; list: FieldProblem[] } {
  const paths = new Set(invalid);
  const dependants: FieldProblem[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const item of all) {
      if (paths.has(item.path)) continue;
      const missing = (dependencies.get(item.path) ?? []).find((target) => paths.has(target.path));
      if (missing === undefined) continue;
      paths.add(item.path);
      dependants.push({ path: item.path, message: `depends on ${missing.path}, which is left out` });
      changed = true;
    }
  }
  return { paths, list: [...problems, ...dependants] };
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
