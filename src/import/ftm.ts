/**
 * Converts line-delimited FollowTheMoney entities (https://followthemoney.tech; OpenSanctions
 * exports them as entities.ftm.json) into ONE ingest document: the file is the source, its exact
 * text the source text, and every entity and fact quotes the line of its record.
 *
 * Mapping:
 * - Person → PERSON (name, other names and aliases, birthDate, gender); Organization, Company,
 *   PublicBody and LegalEntity → ORGANIZATION (PublicBody as GOVERNMENT);
 * - Position → POST of its `organization`; without one, the position stands for its own office (a
 *   note says so); its `country` (like an organization's) becomes a PLACE (identifier
 *   `iso3166-1:VE`) the organization is BASED_IN, its
 *   `subnationalArea` a PLACE the post REPRESENTS;
 * - Occupancy (holder, post, startDate, endDate, status) → TENURE. Status "current" without dates
 *   means attested as current when the data was last seen, never "since the beginning of time":
 *   the tenure gets no start date and counts from its attestation, the source's date (the latest
 *   last_seen of the file);
 * - Membership (member → organization) and Directorship (director → organization) → a TENURE of
 *   the post "Member of …" or "Director of …" of that organization;
 * - every entity's id and `referents` become identifiers (`wikidata:Q…` for Wikidata ids, the
 *   scheme itself for referents written "scheme:value", else `opensanctions:…`), `wikidataId`
 *   too; `datasets`, `sourceUrl` and the first/last seen dates go into the evidence note.
 * Other schemata (addresses, sanctions, family ties, …) are counted and left out.
 */
import { badUserInput, type FieldProblem } from '../errors.js';
import type { IngestDocument, IngestEntity, IngestFact } from '../model/document.js';
import { LIMITS, ORG_TYPES } from '../model/document.js';
import { ID_PREFIX, slugify } from '../model/ids.js';
import { firstDay, isPartialDate } from '../model/partialDate.js';
import { withoutUndefined } from '../model/withoutUndefined.js';
import type { Conversion } from './conversion.js';
import { titleFromFileName } from './popolo.js';

export interface FtmImportOptions {
  fileName?: string;
  name?: string;
  publisher?: string;
}

export type FtmCounts = {
  persons: number;
  organizations: number;
  positions: number;
  occupancies: number;
  memberships: number;
  otherSchemata: number;
};

export interface FtmConversion extends Conversion {
  counts: FtmCounts;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZATION_SCHEMATA: Record<string, 'OTHER' | 'GOVERNMENT'> = {
  Organization: 'OTHER',
  Company: 'OTHER',
  LegalEntity: 'OTHER',
  PublicBody: 'GOVERNMENT',
};
/** An organization's `classification` (as officegraph's FtM export writes it) gives its type back. */
const ORG_TYPE_OF_CLASSIFICATION: Record<string, IngestOrgType> = {
  legislature: 'LEGISLATURE',
  party: 'PARTY',
  executive: 'GOVERNMENT',
  government: 'GOVERNMENT',
  committee: 'COMMITTEE',
  'party committee': 'PARTY_COMMITTEE',
  agency: 'AGENCY',
  other: 'OTHER',
};
type IngestOrgType = (typeof ORG_TYPES)[number];

const MEMBERSHIP_SCHEMATA: Record<string, { holder: string; role: string }> = {
  Membership: { holder: 'member', role: 'Member' },
  Directorship: { holder: 'director', role: 'Director' },
};

interface Line {
  number: number;
  path: string;
  record: Json;
  quote: string;
  ref: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country code's English name: "ve" → "Venezuela"; the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** The identifiers an FtM id or referent stands for. */
export function ftmIdentifier(value: string): string {
  if (/^Q\d+$/.test(value)) return `wikidata:${value}`;
  if (/^[A-Za-z0-9_.-]+:\S/.test(value)) return value;
  return `opensanctions:${value}`;
}

export function convertFtm(rawText: string, options: FtmImportOptions = {}): FtmConversion {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const problems: FieldProblem[] = [];
  const invalid = new Set<string>();
  const problem = (line: Line | string, field: string | undefined, message: string) => {
    const path = typeof line === 'string' ? line : line.path;
    problems.push({ path: field === undefined ? path : `${path}.${field}`, message });
    invalid.add(path);
  };

  // One record per non-empty line; its quote is the line's exact text.
  const lines: Line[] = [];
  let offset = 0;
  text.split('\n').forEach((lineText, index) => {
    const start = offset;
    offset += lineText.length + 1;
    if (lineText.trim() === '') return;
    const path = `line ${index + 1}`;
    let record: Json;
    try {
      record = JSON.parse(lineText);
    } catch (error) {
      problem(path, undefined, `expected one FollowTheMoney entity as JSON, but got text that is not JSON (${(error as Error).message})`);
      return;
    }
    if (record === null || typeof record !== 'object' || typeof record.schema !== 'string' || typeof record.id !== 'string' || record.id.trim() === '') {
      problem(path, undefined, 'expected a FollowTheMoney entity with an "id" and a "schema", but got: ' + describe(record));
      return;
    }
    void start;
    lines.push({ number: index + 1, path, record, quote: lineText.trim().slice(0, LIMITS.stringLength), ref: `line/${index + 1}` });
  });
  if (lines.length === 0 && problems.length > 0 && problems.length === text.split('\n').filter((line) => line.trim() !== '').length) {
    throw badUserInput([{ path: '(file)', message: 'expected line-delimited FollowTheMoney JSON, but no line is an entity' }]);
  }

  const byId = new Map<string, Line>();
  for (const line of lines) {
    if (byId.has(line.record.id)) problem(line, 'id', `is the id of the entity on ${byId.get(line.record.id)?.path}, but got: ${JSON.stringify(line.record.id)}`);
    else byId.set(line.record.id, line);
  }
  const values = (line: Line, property: string): string[] => {
    const list = line.record.properties?.[property];
    return Array.isArray(list) ? list.filter((value: unknown): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim()) : [];
  };
  const date = (line: Line, property: string): string | undefined => {
    const value = values(line, property)[0];
    if (value === undefined) return undefined;
    const day = value.slice(0, 10);
    if (isPartialDate(day)) return day;
    problem(line, `properties.${property}`, `expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: ${JSON.stringify(value)}`);
    return undefined;
  };
  const dependencies = new Map<string, Line[]>();
  const reference = (line: Line, property: string, schemata: readonly string[], required: boolean): Line | undefined => {
    const id = values(line, property)[0];
    if (id === undefined) {
      if (required) problem(line, `properties.${property}`, `expected the id of a ${schemata.join(' or ')}, but got: nothing`);
      return undefined;
    }
    const target = byId.get(id);
    if (target === undefined || !schemata.includes(target.record.schema)) {
      problem(line, `properties.${property}`, `refers to no ${schemata.join(' or ')} in this file, but got: ${JSON.stringify(id)}`);
      return undefined;
    }
    dependencies.set(line.path, [...(dependencies.get(line.path) ?? []), target]);
    return target;
  };

  const counts: FtmCounts = { persons: 0, organizations: 0, positions: 0, occupancies: 0, memberships: 0, otherSchemata: 0 };
  const organizationSchemata = Object.keys(ORGANIZATION_SCHEMATA);
  // Checks and references first, then what is left out, then the document.
  const details = new Map<string, Json>();
  for (const line of lines) {
    const schema = line.record.schema as string;
    if (schema === 'Person') {
      counts.persons += 1;
      details.set(line.path, { birthDate: date(line, 'birthDate') });
    } else if (schema in ORGANIZATION_SCHEMATA) {
      counts.organizations += 1;
    } else if (schema === 'Position') {
      counts.positions += 1;
      details.set(line.path, { organization: reference(line, 'organization', organizationSchemata, false) });
    } else if (schema === 'Occupancy') {
      counts.occupancies += 1;
      const holder = reference(line, 'holder', ['Person'], true);
      const post = reference(line, 'post', ['Position'], true);
      details.set(line.path, { holder, post, ...dates(line) });
    } else if (schema in MEMBERSHIP_SCHEMATA) {
      counts.memberships += 1;
      const kind = MEMBERSHIP_SCHEMATA[schema] as { holder: string; role: string };
      const holder = reference(line, kind.holder, ['Person'], true);
      const organization = reference(line, 'organization', organizationSchemata, true);
      details.set(line.path, { holder, organization, ...dates(line) });
    } else {
      counts.otherSchemata += 1;
    }
    const name = values(line, 'name')[0] ?? (typeof line.record.caption === 'string' ? line.record.caption : undefined);
    if ((schema === 'Person' || schema === 'Position' || schema in ORGANIZATION_SCHEMATA) && (name === undefined || name.trim() === '')) {
      problem(line, 'properties.name', 'expected a name, but got: nothing');
    }
  }
  function dates(line: Line) {
    const startDate = date(line, 'startDate');
    const endDate = date(line, 'endDate');
    if (startDate !== undefined && endDate !== undefined && firstDay(endDate) < firstDay(startDate)) {
      problem(line, 'properties.endDate', `expected a date not before startDate ${startDate}, but got: ${JSON.stringify(endDate)}`);
    }
    return { startDate, endDate };
  }

  // Left out: invalid records and those that depend on them.
  const left = new Set(invalid);
  const dependants: FieldProblem[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (left.has(line.path)) continue;
      const missing = (dependencies.get(line.path) ?? []).find((target) => left.has(target.path));
      if (missing === undefined) continue;
      left.add(line.path);
      dependants.push({ path: line.path, message: `depends on ${missing.path}, which is left out` });
      changed = true;
    }
  }
  const kept = (line: Line) => !left.has(line.path);

  const entities = new Map<string, IngestEntity>();
  const facts: IngestFact[] = [];
  const add = (entity: IngestEntity) => {
    if (!entities.has(entity.ref)) entities.set(entity.ref, withoutUndefined(entity));
  };
  const lastSeen = lines.flatMap((line) => (typeof line.record.last_seen === 'string' && isPartialDate(line.record.last_seen.slice(0, 10)) ? [line.record.last_seen.slice(0, 10)] : [])).sort().at(-1);
  const nameOf = (line: Line) => (values(line, 'name')[0] ?? String(line.record.caption)).trim();
  const identity = (line: Line, kind: IngestEntity['kind']) => {
    const own = ownId(line.record.id, kind);
    const keys = new Set<string>();
    if (own === undefined) keys.add(ftmIdentifier(line.record.id));
    for (const referent of Array.isArray(line.record.referents) ? line.record.referents : []) if (typeof referent === 'string' && referent.trim() !== '') keys.add(ftmIdentifier(referent.trim()));
    for (const qid of values(line, 'wikidataId')) if (/^Q\d+$/.test(qid)) keys.add(`wikidata:${qid}`);
    const identifiers = [...keys].filter((key) => /^[A-Za-z0-9_.-]+:\S(.*\S)?$/u.test(key) && key.length <= 1_000).slice(0, LIMITS.identifiers);
    return {
      id: own,
      // Without an officegraph id, the FtM id keeps two people of one name apart.
      disambiguator: own === undefined ? String(line.record.id).slice(0, 300) : undefined,
      identifiers: identifiers.length > 0 ? identifiers : undefined,
      note: provenance(line.record),
    };
  };
  const aliases = (line: Line, name: string) =>
    [...new Set(['name', 'alias', 'weakAlias', 'previousName'].flatMap((property) => values(line, property)))].filter((alias) => alias !== name).slice(0, LIMITS.aliases);

  const placeOf = (code: string, line: Line, kind: 'country' | 'area'): string => {
    const ref = `${kind}/${code.toLowerCase()}`;
    add({
      kind: 'PLACE',
      ref,
      name: kind === 'country' ? countryName(code) : code,
      aliases: [],
      identifiers: kind === 'country' && /^[A-Za-z]{2}$/.test(code) ? [`iso3166-1:${code.toUpperCase()}`] : undefined,
      placeType: kind === 'country' ? 'country' : 'subnational area',
      quote: line.quote,
    });
    return ref;
  };
  for (const line of lines.filter(kept)) {
    const schema = line.record.schema as string;
    if (schema === 'Person') {
      const name = nameOf(line);
      add({
        kind: 'PERSON',
        ref: line.ref,
        name,
        aliases: aliases(line, name),
        ...identity(line, 'PERSON'),
        birthDate: details.get(line.path)?.birthDate,
        gender: values(line, 'gender')[0],
        quote: line.quote,
      });
    } else if (schema in ORGANIZATION_SCHEMATA) {
      const name = nameOf(line);
      add({
        kind: 'ORGANIZATION',
        ref: line.ref,
        name,
        aliases: aliases(line, name),
        ...identity(line, 'ORGANIZATION'),
        orgType: ORG_TYPE_OF_CLASSIFICATION[values(line, 'classification')[0]?.toLowerCase() ?? ''] ?? ORGANIZATION_SCHEMATA[schema] ?? 'OTHER',
        quote: line.quote,
      });
      for (const country of values(line, 'country')) facts.push({ type: 'BASED_IN', from: line.ref, to: placeOf(country, line, 'country'), quote: line.quote });
    }
  }
  for (const line of lines.filter((candidate) => kept(candidate) && candidate.record.schema === 'Position')) {
    const name = nameOf(line);
    const organization: Line | undefined = details.get(line.path)?.organization;
    let organizationRef = organization?.ref;
    if (organizationRef === undefined) {
      organizationRef = `office/${line.number}`;
      add({
        kind: 'ORGANIZATION',
        ref: organizationRef,
        name,
        aliases: [],
        orgType: 'OTHER',
        quote: line.quote,
        note: 'the position names no organization: it stands for its own office',
      });
      for (const country of values(line, 'country')) facts.push({ type: 'BASED_IN', from: organizationRef, to: placeOf(country, line, 'country'), quote: line.quote });
    }
    const { id, identifiers, note } = identity(line, 'POST');
    add({ kind: 'POST', ref: line.ref, id, name, aliases: aliases(line, name), identifiers, role: name, quote: line.quote, note });
    facts.push({ type: 'POST_OF', from: line.ref, to: organizationRef, quote: line.quote });
    for (const area of values(line, 'subnationalArea')) facts.push({ type: 'REPRESENTS', from: line.ref, to: placeOf(area, line, 'area'), quote: line.quote });
  }
  for (const line of lines.filter((candidate) => kept(candidate) && candidate.record.schema === 'Occupancy')) {
    const { holder, post, startDate, endDate } = details.get(line.path) as { holder: Line; post: Line; startDate?: string; endDate?: string };
    const status = values(line, 'status')[0];
    const notes = [provenance(line.record)];
    if (status !== undefined) notes.push(`status ${status}`);
    if (status === 'current' && startDate === undefined) notes.push(`current, without a start date: attested as current when last seen${lastSeen ? ` (${lastSeen})` : ''}`);
    const note = notes.filter(Boolean).join('; ');
    facts.push(withoutUndefined({ type: 'TENURE', ref: line.ref, person: holder.ref, post: post.ref, startDate, endDate, quote: line.quote, note: note === '' ? undefined : note }) as IngestFact);
  }
  for (const line of lines.filter((candidate) => kept(candidate) && candidate.record.schema in MEMBERSHIP_SCHEMATA)) {
    const { holder, organization, startDate, endDate } = details.get(line.path) as { holder: Line; organization: Line; startDate?: string; endDate?: string };
    const { role } = MEMBERSHIP_SCHEMATA[line.record.schema] as { role: string };
    const postRef = `${role.toLowerCase()}-of/${organization.ref}`;
    if (!entities.has(postRef)) {
      add({ kind: 'POST', ref: postRef, name: `${role} of ${nameOf(organization)}`, aliases: [], role, quote: line.quote });
      facts.push({ type: 'POST_OF', from: postRef, to: organization.ref, quote: line.quote });
    }
    facts.push(withoutUndefined({ type: 'TENURE', ref: line.ref, person: holder.ref, post: postRef, startDate, endDate, quote: line.quote, note: provenance(line.record) }) as IngestFact);
  }

  const datasets = [...new Set(lines.flatMap((line) => (Array.isArray(line.record.datasets) ? line.record.datasets.filter((value: unknown) => typeof value === 'string') : [])))].sort();
  const name = options.name ?? `FollowTheMoney: ${titleFromFileName((options.fileName ?? 'entities').replace(/(\.entities)?(\.ftm\.json|\.jsonl?|\.ndjson)$/i, ''))}`;
  const document: IngestDocument = {
    source: withoutUndefined({
      id: `source:${slugify(name)}`,
      name,
      publisher: options.publisher ?? (datasets.length > 0 ? `FollowTheMoney datasets: ${datasets.join(', ')}`.slice(0, 1_000) : undefined),
      publishedDate: lastSeen,
      publishedDateNote: lastSeen ? 'the latest last_seen of the entities in the file' : undefined,
      language: 'mul',
      text,
    }) as IngestDocument['source'],
    entities: [...entities.values()],
    facts,
  };
  return { document, counts, records: lines.length, problems, skipped: [...problems, ...dependants] };
}

/** An officegraph id of the right kind, as officegraph's own FtM export writes them. */
function ownId(id: string, kind: IngestEntity['kind']): string | undefined {
  return id.startsWith(`${ID_PREFIX[kind]}:`) && /^[a-z]+:[^\s]+$/u.test(id) && id.length <= 300 ? id : undefined;
}

/** The FtM record's own provenance: datasets, source URLs and when it was seen. */
function provenance(record: Json): string | undefined {
  const parts: string[] = [];
  if (Array.isArray(record.datasets) && record.datasets.length > 0) parts.push(`datasets ${record.datasets.join(', ')}`);
  const urls = record.properties?.sourceUrl;
  if (Array.isArray(urls) && urls.length > 0) parts.push(`source URL ${urls.join(', ')}`);
  if (typeof record.first_seen === 'string') parts.push(`first seen ${record.first_seen.slice(0, 10)}`);
  if (typeof record.last_change === 'string') parts.push(`last changed ${record.last_change.slice(0, 10)}`);
  return parts.length > 0 ? parts.join('; ').slice(0, LIMITS.stringLength) : undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object without id or schema';
  return JSON.stringify(value).slice(0, 200);
}
