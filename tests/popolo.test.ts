/**
 * The Popolo importer on the real EveryPolitician data set of Nigeria's House of
 * Representatives: every record becomes an entity or fact quoting its exact raw JSON, the graph
 * answers who held which seat on whose behalf, a re-import creates nothing, and a broken file is
 * refused with every problem named by its record path. The data set's source is retracted at
 * the end, so later test files see only the seeds.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertPopolo, titleFromFileName, type PopoloConversion } from '../src/import/popolo.js';
import { topLevelArraySpans } from '../src/import/jsonSpans.js';
import { entityId } from '../src/model/ids.js';
import { BULK_INGEST_TIMEOUT_MS, ingestDocument } from '../src/ingest/ingestDocument.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { runCli } from './helpers/runCli.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

/** A CC0 data set carried by the repository; tests/fixtures/popolo/SOURCE.md says where it comes from. */
const DATA_FILE = path.join(projectRoot(), 'tests', 'fixtures', 'popolo', 'nigeria-house-of-representatives.json');
const SOURCE_NAME = 'EveryPolitician Popolo: Nigeria House of Representatives';
const SOURCE_ID = 'source:everypolitician-popolo-nigeria-house-of-representatives';
const raw = readFileSync(DATA_FILE, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = JSON.parse(raw) as Record<string, any[]>;

const GANA_ID = '003e0736-add0-4997-9444-94fac606bb95';
/* eslint-disable @typescript-eslint/no-explicit-any */
const gana = data.persons!.find((person: any) => person.id === GANA_ID);
const ganaMembership = data.memberships!.find((membership: any) => membership.person_id === GANA_ID);
const ganaArea = data.areas!.find((area: any) => area.id === ganaMembership.area_id);
const legislature = data.organizations!.find((organization: any) => organization.id === ganaMembership.organization_id);
const apc = data.organizations!.find((organization: any) => organization.id === ganaMembership.on_behalf_of_id);
const term = data.events!.find((event: any) => event.id === ganaMembership.legislative_period_id);
/* eslint-enable @typescript-eslint/no-explicit-any */

const GANA_PERSON_ID = 'person:mallam-gana-q35536081';
const GANA_POST_ID = entityId('POST', `Member of the ${legislature.name} for ${ganaArea.name}`);
const APC_ID = 'org:all-progressives-congress-q4729266';

/** The exact raw text of the index-th record of a top-level array, found independently of the importer. */
function rawRecord(collection: string, predicate: (record: Record<string, unknown>) => boolean): string {
  const index = data[collection]!.findIndex(predicate);
  const span = topLevelArraySpans(raw).get(collection)![index]!;
  return raw.slice(span.start, span.end);
}

let conversion: PopoloConversion;
let server: TestServer;

beforeAll(async () => {
  conversion = convertPopolo(raw, { name: SOURCE_NAME, publisher: 'EveryPolitician', fileName: DATA_FILE });
  server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
}, 120_000);

afterAll(async () => {
  if (server) {
    await retractSource(server.app.store, SOURCE_ID).catch(() => undefined);
    await server.stop();
  }
});

describe('convertPopolo', () => {
  it('turns every record into one entity or fact, counted from the input itself', () => {
    const count = (kind: string) => conversion.document.entities.filter((entity) => entity.kind === kind).length;
    const countFacts = (type: string) => conversion.document.facts.filter((fact) => fact.type === type).length;
    const seats = new Set(data.memberships!.map((membership) => `${membership.organization_id}|${membership.area_id}`));
    expect({
      persons: count('PERSON'),
      organizations: count('ORGANIZATION'),
      places: count('PLACE'),
      events: count('EVENT'),
      posts: count('POST'),
      tenures: countFacts('TENURE'),
      postOf: countFacts('POST_OF'),
      represents: countFacts('REPRESENTS'),
      organizedBy: countFacts('ORGANIZED_BY'),
      tenuresOnBehalfOfAParty: conversion.document.facts.filter((fact) => fact.type === 'TENURE' && fact.onBehalfOf !== undefined).length,
    }).toEqual({
      persons: data.persons!.length,
      organizations: data.organizations!.length,
      places: data.areas!.length,
      events: data.events!.length,
      posts: seats.size,
      tenures: data.memberships!.length,
      postOf: seats.size,
      represents: seats.size,
      organizedBy: data.events!.filter((event) => event.organization_id !== undefined).length,
      tenuresOnBehalfOfAParty: data.memberships!.filter((membership) => membership.on_behalf_of_id !== undefined).length,
    });
    expect(conversion.counts).toEqual({
      persons: 370,
      organizations: 6,
      areas: 358,
      events: 20,
      memberships: 370,
      posts: seats.size,
    });
  });

  it('quotes every record as its exact raw JSON text', () => {
    const quotes = [...conversion.document.entities, ...conversion.document.facts].map((item) => item.quote);
    expect(quotes.filter((quote) => !raw.includes(quote))).toEqual([]);
    // Each record's quote parses back to that very record.
    for (const collection of ['persons', 'organizations', 'areas', 'events'] as const) {
      data[collection]!.forEach((record, index) => {
        const entity = conversion.document.entities.find((candidate) => candidate.ref === `${collection}/${index}`);
        expect(JSON.parse(entity!.quote)).toEqual(record);
      });
    }
    const tenureQuotes = conversion.document.facts.filter((fact) => fact.type === 'TENURE').map((fact) => JSON.parse(fact.quote));
    expect(tenureQuotes).toEqual(data.memberships);
    expect(conversion.document.source.text).toBe(raw);
  });

  it('maps a person with aliases, identifiers and a tenure dated by its legislative period', () => {
    const person = conversion.document.entities.find((entity) => entity.ref === 'persons/0');
    expect(person).toEqual({
      kind: 'PERSON',
      ref: 'persons/0',
      name: 'MALLAM GANA',
      aliases: ['MALLAM BUKAR GANA'],
      identifiers: ['everypolitician_legacy:616', 'nass:616', 'wikidata:Q35536081'],
      disambiguator: 'Q35536081',
      quote: rawRecord('persons', (record) => record.id === GANA_ID),
    });
    const tenure = conversion.document.facts.find((fact) => fact.type === 'TENURE' && fact.person === 'persons/0');
    expect(tenure).toEqual({
      type: 'TENURE',
      person: 'persons/0',
      post: expect.stringMatching(/^post\//),
      startDate: term.start_date,
      onBehalfOf: `organizations/${data.organizations!.indexOf(apc)}`,
      quote: rawRecord('memberships', (record) => record.person_id === GANA_ID),
      note: `record source: ${ganaMembership.sources[0].url}; start date from legislative period "term/8"`,
    });
  });

  it('reads the unaltered copy that SOURCE.md describes, checksum and size', () => {
    const note = readFileSync(path.join(path.dirname(DATA_FILE), 'SOURCE.md'), 'utf8');
    const bytes = readFileSync(DATA_FILE);
    expect({ sha256: createHash('sha256').update(bytes).digest('hex'), size: `${bytes.length} bytes` }).toEqual({
      sha256: /\*\*sha256\*\*: `([0-9a-f]{64})`/.exec(note)?.[1],
      size: /\*\*Size\*\*: (\d+ bytes)/.exec(note)?.[1],
    });
    expect(note).toContain('CC0');
  });

  it('names the file in title case when no name is given', () => {
    expect(titleFromFileName(DATA_FILE)).toBe('Nigeria House of Representatives');
    const unnamed = convertPopolo(raw, { fileName: DATA_FILE });
    expect({ id: unnamed.document.source.id, name: unnamed.document.source.name, publisher: unnamed.document.source.publisher }).toEqual({
      id: 'source:popolo-nigeria-house-of-representatives',
      name: 'Popolo: Nigeria House of Representatives',
      publisher: 'nass.gov.ng, gender-balance.org, shineyoureye.org',
    });
  });

  it("uses Popolo posts, a membership's own dates, parents, and keeps repeated names apart", () => {
    const small = JSON.stringify(
      {
        persons: [
          { id: 'p1', name: 'Ada Obi' },
          { id: 'p2', name: 'Ada Obi' },
        ],
        organizations: [
          { id: 'assembly', name: 'The State Assembly', classification: 'legislature' },
          { id: 'cttee', name: 'Finance Committee', classification: 'committee', parent_id: 'assembly' },
        ],
        areas: [
          { id: 'state', name: 'Lagos State', type: 'state' },
          { id: 'ikeja', name: 'Ikeja', type: 'constituency', parent_id: 'state' },
        ],
        events: [
          { id: 'e1', name: 'By-election' },
          { id: 'e2', name: 'By-election' },
        ],
        posts: [{ id: 'chair', label: 'Chair of the Finance Committee', role: 'chair', organization_id: 'cttee' }],
        memberships: [
          { person_id: 'p1', post_id: 'chair', start_date: '2019-06', end_date: '2023-06-11' },
          { person_id: 'p2', organization_id: 'assembly', area_id: 'ikeja' },
        ],
      },
      null,
      1,
    );
    const record = (collection: string, index: number) => {
      const span = topLevelArraySpans(small).get(collection)![index]!;
      return small.slice(span.start, span.end);
    };
    const { document, counts } = convertPopolo(small, { name: 'Small', publisher: 'Tests' });
    expect(counts).toEqual({ persons: 2, organizations: 2, areas: 2, events: 2, memberships: 2, posts: 2 });
    expect(document.entities).toEqual([
      { kind: 'PERSON', ref: 'persons/0', name: 'Ada Obi', aliases: [], disambiguator: 'p1', quote: record('persons', 0) },
      { kind: 'PERSON', ref: 'persons/1', name: 'Ada Obi', aliases: [], disambiguator: 'p2', quote: record('persons', 1) },
      { kind: 'ORGANIZATION', ref: 'organizations/0', name: 'The State Assembly', aliases: [], orgType: 'LEGISLATURE', quote: record('organizations', 0) },
      { kind: 'ORGANIZATION', ref: 'organizations/1', name: 'Finance Committee', aliases: [], orgType: 'COMMITTEE', quote: record('organizations', 1) },
      { kind: 'PLACE', ref: 'areas/0', name: 'Lagos State', aliases: [], placeType: 'state', quote: record('areas', 0) },
      { kind: 'PLACE', ref: 'areas/1', name: 'Ikeja', aliases: [], placeType: 'constituency', quote: record('areas', 1) },
      { kind: 'EVENT', ref: 'events/0', name: 'By-election', aliases: [], disambiguator: 'e1', quote: record('events', 0) },
      { kind: 'EVENT', ref: 'events/1', name: 'By-election', aliases: [], disambiguator: 'e2', quote: record('events', 1) },
      { kind: 'POST', ref: 'post/0', name: 'Chair of the Finance Committee', aliases: [], role: 'Chair', quote: record('posts', 0) },
      { kind: 'POST', ref: 'post/1', name: 'Member of the State Assembly for Ikeja', aliases: [], role: 'Member', quote: record('memberships', 1) },
    ]);
    expect(document.facts).toEqual([
      { type: 'PART_OF', from: 'organizations/1', to: 'organizations/0', quote: record('organizations', 1) },
      { type: 'WITHIN', from: 'areas/1', to: 'areas/0', quote: record('areas', 1) },
      { type: 'POST_OF', from: 'post/0', to: 'organizations/1', quote: record('posts', 0) },
      { type: 'TENURE', person: 'persons/0', post: 'post/0', startDate: '2019-06', endDate: '2023-06-11', quote: record('memberships', 0) },
      { type: 'POST_OF', from: 'post/1', to: 'organizations/0', quote: record('memberships', 1) },
      { type: 'REPRESENTS', from: 'post/1', to: 'areas/1', quote: record('memberships', 1) },
      { type: 'TENURE', person: 'persons/1', post: 'post/1', quote: record('memberships', 1) },
    ]);
  });

  it('lists every invalid record by its record path and leaves it out, with the records that depend on it', () => {
    const broken = JSON.parse(raw);
    broken.memberships[12].person_id = 'nobody';
    broken.memberships[13].area_id = 'nowhere';
    broken.persons[2].birth_date = 'soon';
    const personOfBrokenDate = broken.persons[2].id;
    const dependants = broken.memberships.flatMap((membership: { person_id: string }, index: number) =>
      membership.person_id === personOfBrokenDate ? [{ path: `memberships[${index}]`, message: 'depends on persons[2], which is left out' }] : [],
    );
    expect(dependants.length).toBeGreaterThan(0);
    const result = convertPopolo(JSON.stringify(broken));
    const problems = [
      { path: 'persons[2].birth_date', message: 'expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "soon"' },
      { path: 'memberships[12].person_id', message: 'refers to no person, but got: "nobody"' },
      { path: 'memberships[13].area_id', message: 'refers to no area, but got: "nowhere"' },
    ];
    expect({ problems: result.problems, skipped: result.skipped }).toEqual({ problems, skipped: [...problems, ...dependants] });
    const tenures = result.document.facts.filter((fact) => fact.type === 'TENURE');
    expect(tenures.length).toBe(data.memberships!.length - 2 - dependants.length);
    expect(result.document.entities.filter((entity) => entity.kind === 'PERSON').length).toBe(data.persons!.length - 1);
  });

  it('refuses a file that is not Popolo at all', () => {
    const problemsOf = (text: string) => {
      try {
        convertPopolo(text);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
        return (error as GraphQLError).extensions.problems;
      }
      throw new Error('expected the conversion to fail');
    };
    expect(problemsOf('{"persons": [')).toEqual([
      { path: '(file)', message: expect.stringMatching(/^expected Popolo JSON, but got text that is not JSON \(/) },
    ]);
    expect(problemsOf('{"people": []}')).toEqual([{ path: 'persons', message: 'expected an array of Popolo persons, but got: nothing' }]);
  });
});

describe('importing into the graph', () => {
  let firstImport: Awaited<ReturnType<typeof ingestDocument>>;

  beforeAll(async () => {
    firstImport = await ingestDocument(server.app.store, conversion.document, { timeoutMs: BULK_INGEST_TIMEOUT_MS });
  }, 120_000);

  it('creates every entity and fact once, and a re-import creates nothing', async () => {
    const entityCount = conversion.document.entities.length;
    const factCount = conversion.document.facts.length;
    expect({ ...firstImport, nodesCreated: undefined, relationshipsCreated: undefined, intervalChanges: undefined }).toEqual({
      sourceId: SOURCE_ID,
      sourceCreated: true,
      entities: { created: entityCount, matched: 0 },
      facts: { created: factCount, matched: 0 },
      nodesCreated: undefined,
      relationshipsCreated: undefined,
      intervalChanges: undefined,
    });
    // The new tenures got their intervals computed, each once.
    const tenureIds = firstImport.intervalChanges.map((change) => change.id);
    expect(tenureIds.length).toBeGreaterThan(0);
    expect(tenureIds.length).toBeLessThanOrEqual(conversion.document.facts.filter((fact) => fact.type === 'TENURE').length);
    expect(tenureIds).toHaveLength(new Set(tenureIds).size);
    const again = await ingestDocument(server.app.store, convertPopolo(raw, { name: SOURCE_NAME, publisher: 'EveryPolitician' }).document, { timeoutMs: BULK_INGEST_TIMEOUT_MS });
    expect(again).toEqual({
      sourceId: SOURCE_ID,
      sourceCreated: false,
      entities: { created: 0, matched: entityCount },
      facts: { created: 0, matched: factCount },
      nodesCreated: 0,
      relationshipsCreated: 0,
      intervalChanges: [],
    });
  });

  it('answers who held a constituency seat on a day, on whose behalf, and who says so', async () => {
    const response = await server.graphql(
      `query ($id: ID!) {
        person(id: $id) {
          id name aliases identifiers { scheme value } birthDate
          tenures(at: "2016-01-01") {
            startDate endDate
            post { id name role organization { id name orgType identifiers { scheme value } } represents { id name placeType } }
            onBehalfOf { id name orgType }
            evidence { source { id name publisher } quote note }
          }
        }
      }`,
      { id: GANA_PERSON_ID },
    );
    expect(response.body).toEqual({
      data: {
        person: {
          id: GANA_PERSON_ID,
          name: 'MALLAM GANA',
          aliases: ['MALLAM BUKAR GANA'],
          identifiers: gana.identifiers.map((identifier: { scheme: string; identifier: string }) => ({ scheme: identifier.scheme, value: identifier.identifier })),
          birthDate: null,
          tenures: [
            {
              startDate: '2015-06-09',
              endDate: null,
              post: {
                id: GANA_POST_ID,
                name: `Member of the House of Representatives for ${ganaArea.name}`,
                role: 'Member',
                organization: {
                  id: 'org:house-of-representatives-q665693',
                  name: 'House of Representatives',
                  orgType: 'LEGISLATURE',
                  identifiers: [{ scheme: 'wikidata', value: 'Q665693' }],
                },
                represents: { id: entityId('PLACE', ganaArea.name), name: ganaArea.name, placeType: 'constituency' },
              },
              onBehalfOf: { id: APC_ID, name: 'All Progressives Congress', orgType: 'PARTY' },
              evidence: [
                {
                  source: { id: SOURCE_ID, name: SOURCE_NAME, publisher: 'EveryPolitician' },
                  quote: rawRecord('memberships', (record) => record.person_id === GANA_ID),
                  note: 'record source: https://www.nass.gov.ng/mp/profile/616; start date from legislative period "term/8"',
                },
              ],
            },
          ],
        },
      },
    });
  });

  it('lists the holders of the seat, and no one before the legislative period', async () => {
    const query = `query ($post: ID!, $at: Date) { roleHolders(post: $post, at: $at) { person { id name } onBehalfOf { id } post { represents { name } } } }`;
    const holders = await server.graphql(query, { post: GANA_POST_ID, at: '2016-01-01' });
    expect(holders.body).toEqual({
      data: { roleHolders: [{ person: { id: GANA_PERSON_ID, name: 'MALLAM GANA' }, onBehalfOf: { id: APC_ID }, post: { represents: { name: ganaArea.name } } }] },
    });
    const before = await server.graphql(query, { post: GANA_POST_ID, at: '2015-01-01' });
    expect(before.body).toEqual({ data: { roleHolders: [] } });
  });

  it('finds people by an alternate name and parties by a name in another script', async () => {
    const query = `query ($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 1) { entity { id } } }`;
    const byAlternate = await server.graphql(query, { text: 'MALLAM BUKAR GANA', kinds: ['PERSON'] });
    expect(byAlternate.body).toEqual({ data: { search: [{ entity: { id: GANA_PERSON_ID } }] } });
    const byChinese = await server.graphql(query, { text: '全体进步大会党', kinds: ['ORGANIZATION'] });
    expect(byChinese.body).toEqual({ data: { search: [{ entity: { id: APC_ID } }] } });
  });
});

describe('the party of a tenure', () => {
  const partySwitch = (party: string) =>
    convertPopolo(
      JSON.stringify({
        persons: [{ id: 'switcher', name: 'Popolo Test Party Switcher' }],
        organizations: [
          { id: 'house', name: 'Popolo Test House', classification: 'legislature' },
          { id: 'alpha', name: 'Popolo Test Alpha Party', classification: 'party' },
          { id: 'beta', name: 'Popolo Test Beta Party', classification: 'party' },
        ],
        memberships: [{ person_id: 'switcher', organization_id: 'house', on_behalf_of_id: party, start_date: '2020' }],
      }),
      { name: 'Popolo Test Party Switch', publisher: 'Tests' },
    ).document;
  const partyOf = async () =>
    (
      await server.graphql(`{ person(id: "person:popolo-test-party-switcher-switcher") { tenures { onBehalfOf { id } } } }`)
    ).body;

  it('follows the source: a re-import naming another party withdraws the earlier claim, a retraction takes it back', async () => {
    await ingestDocument(server.app.store, partySwitch('alpha'));
    expect(await partyOf()).toEqual({ data: { person: { tenures: [{ onBehalfOf: { id: 'org:popolo-test-alpha-party' } }] } } });
    await ingestDocument(server.app.store, partySwitch('beta'));
    expect(await partyOf()).toEqual({ data: { person: { tenures: [{ onBehalfOf: { id: 'org:popolo-test-beta-party' } }] } } });
    const retracted = await retractSource(server.app.store, 'source:popolo-test-party-switch');
    expect(retracted.entitiesRemoved).toEqual([
      'org:popolo-test-alpha-party',
      'org:popolo-test-beta-party',
      'org:popolo-test-house',
      'person:popolo-test-party-switcher-switcher',
      'post:member-of-the-popolo-test-house',
    ]);
    expect(await partyOf()).toEqual({ data: { person: null } });
  });
});

describe('npm run import:popolo', () => {
  const cli = (args: string[]) => runCli('importPopolo.ts', args);

  it('re-imports the data set without creating anything and prints what it read', async () => {
    const result = await cli([DATA_FILE, '--name', SOURCE_NAME, '--publisher', 'EveryPolitician']);
    expect(result.code).toBe(0);
    const entityCount = conversion.document.entities.length;
    const factCount = conversion.document.facts.length;
    expect(result.stderr).toContain(
      `${conversion.records} records (370 persons, 6 organizations, 358 areas, 20 events, 370 memberships, ${conversion.counts.posts} posts) converted in`,
    );
    expect(result.stdout).toContain(
      `already there, refreshed ${SOURCE_ID}: entities 0 new, ${entityCount} matched; facts 0 new, ${factCount} matched`,
    );
  }, 120_000);

  it('exits non-zero listing the problems of a broken file, writing nothing', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'popolo-broken-'));
    try {
      const broken = JSON.parse(raw);
      broken.memberships[12].person_id = 'nobody';
      const file = path.join(directory, 'broken.json');
      writeFileSync(file, JSON.stringify(broken, null, 2));
      const result = await cli([file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('  memberships[12].person_id: refers to no person, but got: "nobody"\n');
      expect(result.stdout).toContain(
        'broken.json: NOT imported, nothing was written: 1 invalid record problem(s). Run again with --skip-invalid to import the other records and list the skipped ones.',
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('retracting the data set', () => {
  it('removes every entity and fact it brought, leaving the seeds as they were', async () => {
    const result = await retractSource(server.app.store, SOURCE_ID);
    expect({ factsKept: result.factsKept, entitiesRemoved: result.entitiesRemoved.length }).toEqual({
      factsKept: 0,
      entitiesRemoved: conversion.document.entities.length,
    });
    const response = await server.graphql(
      `query ($person: ID!, $party: ID!) { person(id: $person) { id } organization(id: $party) { id } search(text: "MALLAM", first: 5) { entity { id } } }`,
      { person: GANA_PERSON_ID, party: APC_ID },
    );
    expect(response.body).toEqual({ data: { person: null, organization: null, search: [] } });
  });
});
