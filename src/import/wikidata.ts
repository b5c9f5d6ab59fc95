/**
 * Converts Wikidata entity JSON as Wikidata serves it (the `{"entities": {"Q…": …}}` form of
 * wbgetentities and Special:EntityData) into ONE ingest document per file: the file is the
 * source (publisher Wikidata, dated by the entities' last modification) and its exact text is
 * the source text, so every statement can be traced to the claim that makes it.
 *
 * Mapping:
 * - humans (P31 = Q5) → PERSON: the English label (else the first) as name, every other label and
 *   alias in every language (Chinese included) as aliases, the Chinese label as nameZh, P21
 *   gender, P569 birth date, identifier `wikidata:Q…`;
 * - each P39 (position held) claim → a TENURE of the position's POST: P580 start, P582 end (time
 *   values mapped by precision: 9 year, 10 month, 11 day); the organization is the one a P642
 *   (of), P108 (employer) or P2389 (organisation directed) qualifier names, one tenure per
 *   organization named; without one, the position stands in for its own organization (a note
 *   says so); P768 (electoral district) → the post REPRESENTS that place;
 * - P1365 (replaces) and P1366 (replaced by) → SUCCEEDS between tenures of the same post stated in
 *   the same file (a wbgetentities response may hold several people); a predecessor or successor
 *   not in the file is named in the tenure's note;
 * - the quote of a tenure is the exact JSON text of its claim; its note names the statement, its
 *   rank and its references (stated in, reference URL, retrieved, …);
 * - deprecated claims are left out and counted; where a preferred and a normal claim of the same
 *   post disagree (their dates overlap), the preferred one wins: it is written first, and the
 *   normal one is kept as a second tenure (or a second piece of evidence when it starts on the
 *   same day) with a note.
 * Names of positions, organizations and places come from label files beside the entity files
 * (`labels/Q….json`, the same JSON with labels only) or from entities in the same file; without
 * one, the QID is the name and a note says so. Seats are never set: Wikidata's claims do not say.
 */
import { parseJsonFile } from './parseJsonFile.js';
import { badUserInput, type FieldProblem } from '../errors.js';
import type { IngestDocument, IngestEntity, IngestFact } from '../model/document.js';
import { LIMITS } from '../model/document.js';
import { slugify } from '../model/ids.js';
import { firstDay, isPartialDate, lastDay } from '../model/partialDate.js';
import { withoutUndefined } from '../model/withoutUndefined.js';
import type { Conversion } from './conversion.js';
import { pathKey, valueSpans, type JsonPath, type Span } from './jsonSpans.js';

export interface WikidataImportOptions {
  fileName?: string;
  /** Names of items (QID → name) from label files beside the entity file. */
  context?: unknown;
}

export type WikidataCounts = {
  humans: number;
  otherItems: number;
  positionClaims: number;
  deprecated: number;
  /** Claims whose position is "unknown value" or "no value": nothing to hold. */
  withoutPosition: number;
  tenures: number;
  posts: number;
};

export interface WikidataConversion extends Conversion {
  counts: WikidataCounts;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const HUMAN = 'Q5';
const GREGORIAN = 'http://www.wikidata.org/entity/Q1985727';
const ORGANIZATION_QUALIFIERS = ['P642', 'P108', 'P2389'] as const;
const GENDERS: Record<string, string> = { Q6581097: 'male', Q6581072: 'female', Q1097630: 'intersex', Q1052281: 'trans woman', Q2449503: 'trans man', Q48270: 'non-binary' };
/** Reference properties a note names in words; others by their property id. */
const REFERENCE_PROPERTIES: Record<string, string> = {
  P248: 'stated in',
  P854: 'reference URL',
  P813: 'retrieved',
  P143: 'imported from Wikimedia project',
  P4656: 'Wikimedia import URL',
  P1476: 'title',
  P577: 'publication date',
  P1651: 'YouTube video ID',
};
const ZH_LANGUAGES = ['zh', 'zh-hans', 'zh-cn', 'zh-sg', 'zh-my', 'zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'];

interface Claim {
  path: string;
  claim: Json;
  index: number;
  rank: string;
  start?: string;
  end?: string;
  notes: string[];
}

/** Converts one Wikidata entity file; throws BAD_USER_INPUT when it is not one at all. */
export function convertWikidata(rawText: string, options: WikidataImportOptions = {}): WikidataConversion {
  const parsed = parseJsonFile(rawText, 'Wikidata entity JSON');
  const { text } = parsed;
  const data = parsed.data as Json;
  if (data === null || typeof data !== 'object' || data.entities === null || typeof data.entities !== 'object' || Array.isArray(data.entities)) {
    throw badUserInput([{ path: 'entities', message: `expected an object of Wikidata entities by id, as wbgetentities answers, but got: ${describe(data?.entities)}` }]);
  }
  const labels = options.context instanceof Map ? (options.context as ReadonlyMap<string, string>) : new Map<string, string>();
  const spans = valueSpans(text, choosePaths);
  const quote = (path: JsonPath): string => {
    const span = spans.get(pathKey(path)) as Span;
    return text.slice(span.start, Math.min(span.end, span.start + LIMITS.stringLength)).trim();
  };

  const problems: FieldProblem[] = [];
  const counts: WikidataCounts = { humans: 0, otherItems: 0, positionClaims: 0, deprecated: 0, withoutPosition: 0, tenures: 0, posts: 0 };
  const entities = new Map<string, IngestEntity>();
  const facts: IngestFact[] = [];
  const items = Object.entries(data.entities as Record<string, Json>).filter(([, entity]) => entity && typeof entity === 'object' && entity.missing === undefined);
  const humans = items.filter(([, entity]) => statements(entity, 'P31').some((claim) => itemId(claim.mainsnak) === HUMAN));
  counts.humans = humans.length;
  counts.otherItems = items.length - humans.length;

  // Names: the file's own entities first, then the label files.
  const nameInFile = new Map(items.flatMap(([qid, entity]) => (labelOf(entity) ? [[qid, labelOf(entity) as string]] : [])));
  const nameOf = (qid: string) => nameInFile.get(qid) ?? labels.get(qid);
  const named = (qid: string) => nameOf(qid) ?? qid;
  const unnamedNote = (qid: string) => (nameOf(qid) === undefined ? [`Wikidata gives no label for ${qid} here: the QID stands for the name`] : []);

  const addEntity = (entity: IngestEntity) => {
    if (!entities.has(entity.ref)) entities.set(entity.ref, withoutUndefined(entity));
  };

  interface Tenure {
    ref: string;
    person: string;
    personQid: string;
    post: string;
    claim: Claim;
    replaces: string[];
    replacedBy: string[];
    qualifierQuote: (property: string, index: number) => string;
  }
  const tenures: Tenure[] = [];
  const modified: string[] = [];

  for (const [qid, entity] of humans) {
    const base: JsonPath = ['entities', qid];
    const name = labelOf(entity);
    if (typeof entity.modified === 'string' && isPartialDate(entity.modified.slice(0, 10))) modified.push(entity.modified.slice(0, 10));
    const birth = statements(entity, 'P569').find((claim) => claim.mainsnak?.snaktype === 'value');
    const birthDate = birth ? timeValue(birth.mainsnak.datavalue?.value).date : undefined;
    const gender = statements(entity, 'P21')
      .map((claim) => itemId(claim.mainsnak))
      .find((id) => id !== undefined);
    const personRef = `item/${qid}`;
    addEntity({
      kind: 'PERSON',
      ref: personRef,
      name: name ?? qid,
      aliases: aliasesOf(entity, name ?? qid),
      nameZh: ZH_LANGUAGES.map((language) => entity.labels?.[language]?.value as string | undefined).find((value) => value !== undefined),
      gender: gender === undefined ? undefined : GENDERS[gender],
      birthDate,
      disambiguator: qid,
      identifiers: [`wikidata:${qid}`],
      quote: name === undefined ? quote([...base, 'id']) : quote([...base, 'labels']),
      note: name === undefined ? `Wikidata gives no label for ${qid} here: the QID stands for the name` : undefined,
    });

    const positionClaims = statements(entity, 'P39');
    counts.positionClaims += positionClaims.length;
    const claims: Claim[] = [];
    positionClaims.forEach((claim, index) => {
      const path = `entities.${qid}.claims.P39[${index}]`;
      if (claim.rank === 'deprecated') {
        counts.deprecated += 1;
        return;
      }
      if (claim.mainsnak?.snaktype === 'somevalue' || claim.mainsnak?.snaktype === 'novalue') {
        counts.withoutPosition += 1;
        return;
      }
      const notes: string[] = [];
      const time = (property: string) => {
        const snak = claim.qualifiers?.[property]?.[0];
        if (snak === undefined) return undefined;
        if (snak.snaktype !== 'value') {
          notes.push(`${property === 'P580' ? 'start' : 'end'}: Wikidata says "${snak.snaktype === 'somevalue' ? 'unknown value' : 'no value'}"`);
          return undefined;
        }
        const { date, problem, note } = timeValue(snak.datavalue?.value);
        if (problem) problems.push({ path: `${path}.qualifiers.${property}[0]`, message: problem });
        if (note) notes.push(`${property === 'P580' ? 'start' : 'end'}: ${note}`);
        return date;
      };
      const start = time('P580');
      const end = time('P582');
      if (start !== undefined && end !== undefined && firstDay(end) < firstDay(start)) {
        problems.push({ path: `${path}.qualifiers.P582[0]`, message: `expected an end time not before the start time ${start}, but got: ${JSON.stringify(end)}` });
      }
      if (itemId(claim.mainsnak) === undefined) {
        problems.push({ path: `${path}.mainsnak`, message: `expected a position (an item), but got: ${describe(claim.mainsnak?.snaktype)}` });
      }
      if (problems.some((problem) => problem.path.startsWith(`${path}.`))) return;
      claims.push({ path, claim, index, rank: String(claim.rank ?? 'normal'), start, end, notes });
    });

    // Preferred statements first, so where two claims are one tenure the preferred one's dates stand.
    const ordered = [...claims.filter((claim) => claim.rank === 'preferred'), ...claims.filter((claim) => claim.rank !== 'preferred')];
    for (const entry of ordered) {
      const { claim, index } = entry;
      const claimPath: JsonPath = [...base, 'claims', 'P39', index];
      const qualifierQuote = (property: string, position: number) => quote([...claimPath, 'qualifiers', property, position]);
      const position = itemId(claim.mainsnak) as string;
      const positionName = named(position);
      const organizations = ORGANIZATION_QUALIFIERS.flatMap((property) =>
        ((claim.qualifiers?.[property] ?? []) as Json[]).flatMap((snak, position) => (itemId(snak) ? [{ qid: itemId(snak) as string, property, position }] : [])),
      );
      const districtSnakIndex = ((claim.qualifiers?.P768 ?? []) as Json[]).findIndex((snak) => itemId(snak) !== undefined);
      const district = districtSnakIndex < 0 ? undefined : (itemId(claim.qualifiers.P768[districtSnakIndex]) as string);
      if (district !== undefined) {
        addEntity({
          kind: 'PLACE',
          ref: `item/${district}`,
          name: named(district),
          aliases: [],
          identifiers: [`wikidata:${district}`],
          disambiguator: district,
          placeType: 'electoral district',
          quote: qualifierQuote('P768', districtSnakIndex),
          note: unnamedNote(district)[0],
        });
      }
      for (const organization of organizations.length > 0 ? organizations : [undefined]) {
        let organizationRef: string;
        if (organization) {
          organizationRef = `item/${organization.qid}`;
          addEntity({
            kind: 'ORGANIZATION',
            ref: organizationRef,
            name: named(organization.qid),
            aliases: [],
            identifiers: [`wikidata:${organization.qid}`],
            disambiguator: organization.qid,
            orgType: 'OTHER',
            quote: qualifierQuote(organization.property, organization.position),
            note: unnamedNote(organization.qid)[0],
          });
        } else {
          organizationRef = `office/${position}`;
          addEntity({
            kind: 'ORGANIZATION',
            ref: organizationRef,
            name: positionName,
            aliases: [],
            orgType: 'OTHER',
            quote: quote([...claimPath, 'mainsnak']),
            note: `Wikidata names no organization for ${position} (P642, P108 or P2389): the position stands for its own office`,
          });
        }
        const postName = [
          positionName,
          organization ? ` of ${named(organization.qid)}` : '',
          district !== undefined ? ` for ${named(district)}` : '',
        ].join('');
        const postRef = `post/${position}/${organization?.qid ?? ''}/${district ?? ''}`;
        if (!entities.has(postRef)) {
          counts.posts += 1;
          const postQuote = quote([...claimPath, 'mainsnak']);
          addEntity({
            kind: 'POST',
            ref: postRef,
            name: postName,
            aliases: [],
            role: positionName,
            // The post is the position itself only when no qualifier narrows it.
            identifiers: organization === undefined && district === undefined ? [`wikidata:${position}`] : undefined,
            quote: postQuote,
            note: unnamedNote(position)[0],
          });
          facts.push({ type: 'POST_OF', from: postRef, to: organizationRef, quote: organization ? qualifierQuote(organization.property, organization.position) : postQuote });
          if (district !== undefined) facts.push({ type: 'REPRESENTS', from: postRef, to: `item/${district}`, quote: qualifierQuote('P768', districtSnakIndex) });
        }
        const ref = `tenure/${qid}/${index}/${organization?.qid ?? ''}`;
        tenures.push({
          ref,
          person: personRef,
          personQid: qid,
          post: postRef,
          claim: entry,
          replaces: ((claim.qualifiers?.P1365 ?? []) as Json[]).map(itemId).filter((id): id is string => id !== undefined),
          replacedBy: ((claim.qualifiers?.P1366 ?? []) as Json[]).map(itemId).filter((id): id is string => id !== undefined),
          qualifierQuote,
        });
      }
    }
  }

  // Preferred against normal: a normal claim whose dates overlap a preferred claim of the same post disagrees with it.
  const disagreement = (tenure: Tenure): string | undefined => {
    if (tenure.claim.rank === 'preferred') return undefined;
    const preferred = tenures.find(
      (other) => other.post === tenure.post && other.person === tenure.person && other.claim.rank === 'preferred' && overlaps(other.claim, tenure.claim),
    );
    if (!preferred) return undefined;
    return (
      `disagrees with the preferred statement ${preferred.claim.claim.id} (${preferred.claim.start ?? 'no start'} to ${preferred.claim.end ?? 'no end'}), ` +
      'which wins; kept beside it'
    );
  };

  // Successions between tenures of the same post stated in this file.
  const successions = new Map<string, IngestFact>();
  const succession = (later: Tenure, earlier: Tenure, quoteText: string) => {
    const key = `${later.ref}|${earlier.ref}`;
    if (later.ref !== earlier.ref && !successions.has(key)) successions.set(key, { type: 'SUCCEEDS', from: later.ref, to: earlier.ref, quote: quoteText });
  };
  const unresolved = new Map<string, string[]>();
  for (const tenure of tenures) {
    const notes: string[] = [];
    const ofPost = (qid: string) => tenures.filter((other) => other.personQid === qid && other.post === tenure.post && other !== tenure);
    tenure.replaces.forEach((qid, position) => {
      const candidates = ofPost(qid);
      const match =
        candidates.find((other) => other.replacedBy.includes(tenure.personQid)) ??
        latest(candidates.filter((other) => before(other.claim, tenure.claim)));
      if (match) succession(tenure, match, tenure.qualifierQuote('P1365', position));
      else notes.push(`replaces ${describeItem(qid, nameOf(qid))}, who holds no tenure of this post in this file`);
    });
    tenure.replacedBy.forEach((qid, position) => {
      const candidates = ofPost(qid);
      const match =
        candidates.find((other) => other.replaces.includes(tenure.personQid)) ??
        earliest(candidates.filter((other) => before(tenure.claim, other.claim)));
      if (match) succession(match, tenure, tenure.qualifierQuote('P1366', position));
      else notes.push(`replaced by ${describeItem(qid, nameOf(qid))}, who holds no tenure of this post in this file`);
    });
    unresolved.set(tenure.ref, notes);
  }

  for (const tenure of tenures) {
    const { claim } = tenure.claim;
    const note = [
      `Wikidata statement ${claim.id}, rank ${tenure.claim.rank}`,
      referencesNote(claim.references, named),
      ...tenure.claim.notes,
      disagreement(tenure),
      ...(unresolved.get(tenure.ref) ?? []),
    ]
      .filter((part): part is string => part !== undefined && part !== '')
      .join('; ');
    facts.push({
      type: 'TENURE',
      ref: tenure.ref,
      person: tenure.person,
      post: tenure.post,
      startDate: tenure.claim.start,
      endDate: tenure.claim.end,
      quote: quote(['entities', tenure.personQid, 'claims', 'P39', tenure.claim.index]),
      note: note.slice(0, LIMITS.stringLength),
    });
  }
  counts.tenures = tenures.length;
  facts.push(...successions.values());

  const humanNames = humans.map(([qid]) => `${named(qid)} (${qid})`);
  const qids = humans.map(([qid]) => qid);
  const sourceName = `Wikidata: ${humanNames.length > 0 ? humanNames.join(', ') : 'no humans'}`;
  const document: IngestDocument = {
    source: withoutUndefined({
      id: `source:wikidata-${slugify(qids.length > 0 ? qids.join(' ') : (options.fileName ?? 'file').replace(/^.*[\\/]/, ''))}`,
      name: sourceName.slice(0, 1_000),
      url: qids.length === 1 ? `https://www.wikidata.org/wiki/${qids[0]}` : undefined,
      publisher: 'Wikidata',
      publishedDate: modified.length > 0 ? [...modified].sort().at(-1) : undefined,
      publishedDateNote: modified.length > 0 ? 'the last modification of the entities in the file' : undefined,
      language: 'mul',
      text,
    }) as IngestDocument['source'],
    entities: [...entities.values()],
    facts: facts.map((fact) => withoutUndefined(fact)),
  };
  // Problems are found per claim; a claim with a problem is left out, and nothing depends on it.
  return { document, counts, records: items.length + counts.positionClaims, problems, skipped: [...problems] };
}

/** The parts of the file whose exact text is quoted: labels, ids, P39 claims, their main snak and qualifiers. */
function choosePaths(path: JsonPath): { record: boolean; descend: boolean } {
  const [entities, , section, property, index, part, qualifier, position] = path;
  if (path.length <= 1) return { record: false, descend: path.length === 0 || entities === 'entities' };
  if (entities !== 'entities') return { record: false, descend: false };
  if (path.length === 2) return { record: false, descend: true };
  if (path.length === 3) return { record: section === 'labels' || section === 'id', descend: section === 'claims' };
  if (section !== 'claims' || property !== 'P39') return { record: false, descend: false };
  if (path.length === 4) return { record: false, descend: true };
  if (path.length === 5) return { record: typeof index === 'number', descend: true };
  if (path.length === 6) return { record: part === 'mainsnak', descend: part === 'qualifiers' };
  if (path.length === 7) return { record: false, descend: typeof qualifier === 'string' };
  return { record: path.length === 8 && typeof position === 'number', descend: false };
}

function statements(entity: Json, property: string): Json[] {
  const list = entity?.claims?.[property];
  return Array.isArray(list) ? list.filter((claim) => claim && typeof claim === 'object') : [];
}

function itemId(snak: Json): string | undefined {
  const id = snak?.snaktype === 'value' ? snak.datavalue?.value?.id : undefined;
  return typeof id === 'string' && /^Q\d+$/.test(id) ? id : undefined;
}

/** The English label, else the label of the first language in code order. */
export function labelOf(entity: Json): string | undefined {
  const labels = entity?.labels;
  if (!labels || typeof labels !== 'object') return undefined;
  const english = labels.en?.value;
  if (typeof english === 'string' && english.trim() !== '') return english.trim();
  const first = Object.keys(labels).sort()[0];
  const value = first === undefined ? undefined : labels[first]?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Every label and alias in every language, except the name, without repeats. */
function aliasesOf(entity: Json, name: string): string[] {
  const names = new Set<string>();
  for (const language of Object.keys(entity.labels ?? {}).sort()) {
    const value = entity.labels[language]?.value;
    if (typeof value === 'string') names.add(value.trim());
  }
  for (const language of Object.keys(entity.aliases ?? {}).sort()) {
    for (const alias of (entity.aliases[language] ?? []) as Json[]) if (typeof alias?.value === 'string') names.add(alias.value.trim());
  }
  names.delete(name);
  return [...names].filter((alias) => alias !== '' && alias.length <= 1_000).slice(0, LIMITS.aliases);
}

/**
 * A Wikidata time value as a partial date: precision 11 → day, 10 → month, 9 → year. Coarser
 * values (decades, centuries), dates before year 1 and dates in the Julian calendar are not
 * turned into dates; a note says why.
 */
export function timeValue(value: Json): { date?: string; problem?: string; note?: string } {
  const time = value?.time;
  const match = typeof time === 'string' ? /^([+-])(\d{4,})-(\d{2})-(\d{2})T/.exec(time) : null;
  if (!match) return { problem: `expected a Wikidata time value such as {"time": "+2012-05-07T00:00:00Z", "precision": 11}, but got: ${describe(time)}` };
  const [, sign, year, month, day] = match as unknown as [string, string, string, string, string];
  const precision = Number(value.precision);
  if (sign === '-' || year.length > 4) return { note: `${time} is outside the years 1 to 9999, not used` };
  if (value.calendarmodel !== undefined && value.calendarmodel !== GREGORIAN) return { note: `${time} is in another calendar (${value.calendarmodel}), not used` };
  let date: string;
  if (precision >= 11) date = `${year}-${month}-${day}`;
  else if (precision === 10) date = `${year}-${month}`;
  else if (precision === 9) date = year;
  else return { note: `${time} has precision ${precision} (coarser than a year), not used` };
  return isPartialDate(date) ? { date } : { problem: `expected a calendar date, but got: ${JSON.stringify(time)}` };
}

function referencesNote(references: Json, named: (qid: string) => string): string {
  if (!Array.isArray(references) || references.length === 0) return 'no reference';
  return references
    .map((reference: Json, index: number) => {
      const order: string[] = Array.isArray(reference?.['snaks-order']) ? reference['snaks-order'] : Object.keys(reference?.snaks ?? {});
      const parts = order.flatMap((property) =>
        ((reference.snaks?.[property] ?? []) as Json[]).map((snak) => `${REFERENCE_PROPERTIES[property] ?? property} ${snakText(snak, named)}`),
      );
      return `reference ${index + 1}: ${parts.join(', ')}`;
    })
    .join('; ');
}

function snakText(snak: Json, named: (qid: string) => string): string {
  if (snak?.snaktype !== 'value') return snak?.snaktype === 'somevalue' ? '(unknown value)' : '(no value)';
  const value = snak.datavalue?.value;
  if (typeof value === 'string') return value;
  if (typeof value?.id === 'string') return describeItem(value.id, named(value.id) === value.id ? undefined : named(value.id));
  if (typeof value?.time === 'string') return timeValue(value).date ?? value.time;
  if (typeof value?.text === 'string') return `"${value.text.slice(0, 200)}${value.text.length > 200 ? '…' : ''}" (${value.language})`;
  if (value?.amount !== undefined) return String(value.amount);
  return JSON.stringify(value).slice(0, 200);
}

function describeItem(qid: string, name: string | undefined): string {
  return name === undefined || name === qid ? qid : `${qid} (${name})`;
}

function bounds(claim: Claim): [string, string] {
  return [claim.start === undefined ? '0000-01-01' : firstDay(claim.start), claim.end === undefined ? '9999-12-31' : lastDay(claim.end)];
}

function overlaps(a: Claim, b: Claim): boolean {
  const [aStart, aEnd] = bounds(a);
  const [bStart, bEnd] = bounds(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** a starts before b (undated claims come first). */
function before(a: Claim, b: Claim): boolean {
  return bounds(a)[0] < bounds(b)[0];
}

function latest<T extends { claim: Claim }>(list: T[]): T | undefined {
  return [...list].sort((a, b) => bounds(b.claim)[0].localeCompare(bounds(a.claim)[0]))[0];
}

function earliest<T extends { claim: Claim }>(list: T[]): T | undefined {
  return [...list].sort((a, b) => bounds(a.claim)[0].localeCompare(bounds(b.claim)[0]))[0];
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value).slice(0, 200);
}
