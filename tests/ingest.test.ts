/**
 * The write side of ingest over real HTTP against the real Neo4j: a second report about the
 * same people merges into the seed's entities, re-ingest is a no-op, every validation problem
 * is reported with its path, a failure anywhere rolls the whole document back, and writes need
 * the token. The fixture is retracted at the end, so the seed data is as it was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromInput } from '../src/ingest/documentFromInput.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { AUTH, graphCounts, INGEST, INGEST_DOCUMENT, ingest, retract, SLOW_MACHINE_TIMEOUT_MS, testDocument, startWriteTestServer } from './helpers/writeHelpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(path.join(here, 'fixtures/second-report.json'), 'utf8'));
const FIXTURE_SOURCE = 'source:test-fixture-2026-03-03-standing-committee-meeting';
const SEED_SOURCE = 'source:jilin-release-2026-02-11-foreign-affairs-committee-plenary';
const SECRETARY_TENURE = 'tenure:huang-qiang--secretary-of-the-jilin-provincial-party-committee--undated';

let server: TestServer;
let seedCounts: { nodes: number; relationships: number };

beforeAll(async () => {
  server = await startWriteTestServer();
  seedCounts = await graphCounts(server);
});

afterAll(async () => {
  if (server) {
    await retract(server, FIXTURE_SOURCE);
    await server.stop();
  }
});

describe('a second report about the same people', () => {
  it('merges into the existing entities and reports what it created and matched', async () => {
    const response = await server.graphql(INGEST, { input: fixture }, AUTH);
    expect(response.body).toEqual({
      data: {
        ingest: {
          sourceId: FIXTURE_SOURCE,
          sourceCreated: true,
          entities: { created: 1, matched: 6 },
          facts: { created: 5, matched: 4 },
        },
      },
    });
  });

  it('adds its evidence to the facts the seed already had, instead of duplicates', async () => {
    const response = await server.graphql(
      `{
        person(id: "person:huang-qiang") {
          id name aliases
          tenures { id post { id } evidence { quote source { id } } }
        }
        search(text: "Huang Qiang", kinds: [PERSON]) { entity { id } }
      }`,
    );
    expect(response.body).toEqual({
      data: {
        person: {
          id: 'person:huang-qiang',
          name: 'Huang Qiang',
          aliases: ['黄强'],
          tenures: expect.arrayContaining([
            {
              id: SECRETARY_TENURE,
              post: { id: 'post:secretary-of-the-jilin-provincial-party-committee' },
              evidence: [
                { quote: 'Huang Qiang, Secretary of the Provincial Party Committee', source: { id: SEED_SOURCE } },
                { quote: 'Huang Qiang, Secretary of the Provincial Party Committee', source: { id: FIXTURE_SOURCE } },
              ],
            },
          ]),
        },
        search: [{ entity: { id: 'person:huang-qiang' } }],
      },
    });
    expect(response.body.data?.person.tenures).toHaveLength(2);
  });

  it('shows the new meeting with its quotes, linked to entities of the first report', async () => {
    const response = await server.graphql(
      `{
        event(id: "event:test-fixture-2026-03-03-jilin-party-standing-committee-meeting") {
          participants { person { id } role capacity { id } evidence { quote source { id } } }
          organizers { id }
          referencedEvents { id }
          themes { theme { id } evidence { quote } }
        }
      }`,
    );
    expect(response.body).toEqual({
      data: {
        event: {
          participants: [
            {
              person: { id: 'person:hu-yuting' },
              role: 'ATTENDED',
              capacity: { id: 'post:governor-of-jilin-province' },
              evidence: [{ quote: 'Hu Yuting, Governor of the province, attended the meeting.', source: { id: FIXTURE_SOURCE } }],
            },
            {
              person: { id: 'person:huang-qiang' },
              role: 'PRESIDED',
              capacity: { id: 'post:secretary-of-the-jilin-provincial-party-committee' },
              evidence: [
                { quote: 'Huang Qiang, Secretary of the Provincial Party Committee, presided over the meeting', source: { id: FIXTURE_SOURCE } },
              ],
            },
          ],
          organizers: [{ id: 'org:cpc-jilin-provincial-committee' }],
          referencedEvents: [{ id: 'event:2027-changchun-winter-universiade' }],
          themes: [
            {
              theme: { id: 'theme:15th-five-year-plan' },
              evidence: [{ quote: 'the first year of the 15th Five-Year Plan period must get off to a good start' }],
            },
          ],
        },
      },
    });
  });

  it('changes nothing when ingested again, through either mutation', async () => {
    const before = await graphCounts(server);
    const again = await server.graphql(INGEST, { input: fixture }, AUTH);
    const asJson = await server.graphql(INGEST_DOCUMENT, { document: fixture }, AUTH);
    const unchanged = {
      sourceId: FIXTURE_SOURCE,
      sourceCreated: false,
      entities: { created: 0, matched: 7 },
      facts: { created: 0, matched: 9 },
    };
    expect(again.body).toEqual({ data: { ingest: unchanged } });
    expect(asJson.body).toEqual({ data: { ingestDocument: unchanged } });
    expect(await graphCounts(server)).toEqual(before);
  });

  it('is taken back by retractSource, leaving the seed exactly as it was', async () => {
    const response = await retract(server, FIXTURE_SOURCE);
    expect(response.body).toEqual({
      data: {
        retractSource: {
          sourceId: FIXTURE_SOURCE,
          factsRemoved: 5,
          factsKept: 4,
          entitiesRemoved: ['event:test-fixture-2026-03-03-jilin-party-standing-committee-meeting'],
        },
      },
    });
    expect(await graphCounts(server)).toEqual(seedCounts);
    const tenure = await server.graphql(
      `{ person(id: "person:huang-qiang") { tenures { id evidence { source { id } } } } }`,
    );
    expect(tenure.body.data?.person.tenures).toContainEqual({ id: SECRETARY_TENURE, evidence: [{ source: { id: SEED_SOURCE } }] });
  });
});

describe('validation', () => {
  const base = () => structuredClone(fixture);

  it('reports every problem of one input together, each with its path and the bad value', async () => {
    const document = base();
    document.facts[2].startDate = 'Feb 2026';
    document.facts[3].quote = 'Hu Yuting, Mayor of the province';
    document.facts[4].to = 'no-such-ref';
    document.entities[0].role = 'Secretary';
    const before = await graphCounts(server);
    const response = await server.graphql(INGEST, { input: document }, AUTH);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: 'entities[0]', message: 'Unrecognized key: "role"' },
        { path: 'facts[2].startDate', message: 'expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "Feb 2026"' },
        { path: 'facts[3].quote', message: 'does not occur in source.text, but got: "Hu Yuting, Mayor of the province"' },
        {
          path: 'facts[4].to',
          message: 'expected the ref of an entity in this document or the id of one in the graph, but got: "no-such-ref"',
        },
      ],
    });
    expect(await graphCounts(server)).toEqual(before);
  });

  it('rejects a fact that points at an id the graph does not have, and writes nothing', async () => {
    const document = base();
    document.facts[7].to = 'event:no-such-event';
    document.facts[8].to = 'person:huang-qiang';
    const before = await graphCounts(server);
    const response = await server.graphql(INGEST_DOCUMENT, { document }, AUTH);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: 'facts[7].to', message: 'refers to no entity in this document or the graph, but got: "event:no-such-event"' },
        { path: 'facts[8].to', message: 'expected a POLICY_THEME, but got: "person:huang-qiang" (a PERSON)' },
      ],
    });
    expect(await graphCounts(server)).toEqual(before);
  });

  it('turns GraphQL input nulls into absent fields', () => {
    expect(documentFromInput({ a: null, b: [{ c: null, d: 1 }], e: 'x' })).toEqual({ b: [{ d: 1 }], e: 'x' });
  });
});

/** A document of `count` facts: one meeting addressing `count` invented themes. */
function bigDocument(id: string, count: number) {
  const sentence = `The ${id} meeting addressed a long list of themes.`;
  const themes = Array.from({ length: count }, (_, index) => ({
    kind: 'POLICY_THEME',
    ref: `theme-${index}`,
    name: `${id} theme ${index}`,
    quote: sentence,
  }));
  return testDocument(
    id,
    [sentence],
    [{ kind: 'EVENT', ref: 'meeting', name: `${id} meeting`, quote: sentence }, ...themes],
    themes.map((theme) => ({ type: 'ADDRESSED', from: 'meeting', to: theme.ref, quote: sentence })),
  );
}

async function runCypher(statement: string, params: Record<string, unknown> = {}) {
  const session = server.app.driver.session();
  try {
    await session.run(statement, params);
  } finally {
    await session.close();
  }
}

describe('atomicity: a failure anywhere leaves the graph as it was', () => {
  it('rejects the whole batch when fact no. 900 of 1000 is bad', async () => {
    const document = bigDocument('rollback-validation', 1000);
    document.facts[899] = { ...document.facts[899], to: 'theme-missing' } as (typeof document.facts)[number];
    const before = await graphCounts(server);
    const response = await ingest(server, document);
    expect(response.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          path: 'facts[899].to',
          message: 'expected the ref of an entity in this document or the id of one in the graph, but got: "theme-missing"',
        },
      ],
    });
    expect(await graphCounts(server)).toEqual(before);
  });

  it('rolls back 999 written facts when Neo4j fails on fact no. 900', async () => {
    const sentence = 'Rollback Testperson attended the Rollback Test Meeting.';
    const first = testDocument(
      'rollback-first',
      [sentence],
      [
        { kind: 'PERSON', ref: 'person', name: 'Rollback Testperson', quote: 'Rollback Testperson' },
        { kind: 'EVENT', ref: 'meeting', name: 'Rollback Test Meeting', quote: 'the Rollback Test Meeting' },
      ],
      [{ type: 'PARTICIPATION', person: 'person', event: 'meeting', role: 'ATTENDED', quote: sentence }],
    );
    expect((await ingest(server, first)).body.errors).toBeUndefined();
    // A stored fact whose sourceIds is not a list makes Neo4j fail when the next source adds to it.
    await runCypher(
      `MATCH (:Person {id: 'person:rollback-testperson'})-[r:PARTICIPATED_IN]->() SET r.sourceIds = 42`,
    );
    const document = bigDocument('rollback-neo4j', 999);
    (document.source.text as string) += ` ${sentence}`;
    document.facts.splice(899, 0, {
      type: 'PARTICIPATION',
      person: 'person:rollback-testperson',
      event: 'event:rollback-test-meeting',
      role: 'ATTENDED',
      quote: sentence,
    } as never);
    expect(document.facts).toHaveLength(1000);
    const before = await graphCounts(server);
    const response = await ingest(server, document);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await graphCounts(server)).toEqual(before);
    const source = await server.graphql('{ source(id: "source:rollback-neo4j") { id } event(id: "event:rollback-neo4j-meeting") { id } }');
    expect(source.body).toEqual({ data: { source: null, event: null } });

    await runCypher(
      `MATCH (:Person {id: 'person:rollback-testperson'})-[r:PARTICIPATED_IN]->() SET r.sourceIds = ['source:rollback-first']`,
    );
    expect((await retract(server, 'source:rollback-first')).body.data?.retractSource.factsRemoved).toBe(1);
  });

  it('rolls back when Neo4j refuses an entity with a constraint violation', async () => {
    // A Person node outside the :Entity label clashes with the person_id constraint only in Neo4j.
    await runCypher(`CREATE (:Person {id: 'person:rollback-planted'})`);
    const before = await graphCounts(server);
    const document = bigDocument('rollback-constraint', 10);
    document.entities.push({ kind: 'PERSON', ref: 'planted', name: 'Rollback Planted', quote: 'The rollback-constraint meeting' });
    const response = await ingest(server, document);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await graphCounts(server)).toEqual(before);
    await runCypher(`MATCH (n:Person {id: 'person:rollback-planted'}) DELETE n`);
  });
});

describe('concurrent ingests', () => {
  it('of the same new report create every entity and fact once', async () => {
    const document = bigDocument('concurrent-ingest', 50);
    const before = await graphCounts(server);
    const responses = await Promise.all(Array.from({ length: 4 }, () => ingest(server, document)));
    expect(responses.map((response) => response.body.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const created = responses.map((response) => response.body.data?.ingestDocument.sourceCreated);
    expect(created.filter(Boolean)).toHaveLength(1);
    const after = await graphCounts(server);
    // One source, its one passage, one meeting and 50 themes; 51 mentions, 50 ADDRESSED facts and HAS_PASSAGE.
    expect(after).toEqual({ nodes: before.nodes + 53, relationships: before.relationships + 102 });
    expect((await retract(server, 'source:concurrent-ingest')).body.data?.retractSource.factsRemoved).toBe(50);
    expect(await graphCounts(server)).toEqual(before);
  });
});

describe('a tenure two sources state', () => {
  it('keeps the end date the first source gives when the second gives none', async () => {
    const entities = (quote: string) => [
      { kind: 'PERSON', ref: 'zhou', name: 'Zhou Endtest', quote: 'Zhou Endtest' },
      { kind: 'ORGANIZATION', ref: 'office', name: 'End Test Office', orgType: 'AGENCY', quote: 'End Test Office' },
      { kind: 'POST', ref: 'chair', name: 'Chair of the End Test Office', role: 'Chair', quote },
    ];
    const postOf = { type: 'POST_OF', from: 'chair', to: 'office', quote: 'Chair of the End Test Office' };
    const ended = 'Zhou Endtest served as Chair of the End Test Office until 2025.';
    const named = 'Zhou Endtest, Chair of the End Test Office, attended.';
    const withEnd = testDocument('end-date-test-ended', [ended], entities('Chair of the End Test Office'), [
      postOf,
      { type: 'TENURE', person: 'zhou', post: 'chair', endDate: '2025', quote: ended },
    ]);
    const withoutEnd = testDocument('end-date-test-named', [named], entities('Chair of the End Test Office'), [
      postOf,
      { type: 'TENURE', person: 'zhou', post: 'chair', quote: 'Zhou Endtest, Chair of the End Test Office' },
    ]);
    const before = await graphCounts(server);
    const tenures = async () =>
      (await server.graphql(`{ person(id: "person:zhou-endtest") { tenures { endDate evidence { source { id } } } } }`)).body.data?.person.tenures;
    expect((await ingest(server, withEnd)).body.errors).toBeUndefined();
    expect((await ingest(server, withoutEnd)).body.errors).toBeUndefined();
    expect(await tenures()).toEqual([
      { endDate: '2025', evidence: [{ source: { id: 'source:end-date-test-ended' } }, { source: { id: 'source:end-date-test-named' } }] },
    ]);
    expect((await retract(server, 'source:end-date-test-ended')).body.errors).toBeUndefined();
    expect((await retract(server, 'source:end-date-test-named')).body.errors).toBeUndefined();
    expect(await graphCounts(server)).toEqual(before);
  });
});

describe('write protection', () => {

  it('refuses every mutation without the right bearer token, and keeps reads open', async () => {
    const retractQuery = 'mutation { retractSource(id: "source:whatever") { sourceId } }';
    const missing = await server.graphql(retractQuery);
    const wrong = await server.graphql(retractQuery, {}, { authorization: 'Bearer not-the-token' });
    const merge = await server.graphql('mutation { mergeEntities(keep: "person:a", drop: "person:b") { id } }', {}, { authorization: 'Basic x' });
    const ingestNoToken = await server.graphql(INGEST, { input: fixture });
    for (const response of [missing, wrong, merge, ingestNoToken]) {
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(missing.body.errors?.[0]?.message).toBe(
      'Writes need the header "Authorization: Bearer <OFFICEGRAPH_WRITE_TOKEN>", but it was missing or wrong.',
    );
    const read = await server.graphql('{ person(id: "person:huang-qiang") { id } }');
    expect(read.body).toEqual({ data: { person: { id: 'person:huang-qiang' } } });
  });

  it('refuses every mutation when no write token is configured, even with a bearer header', async () => {
    const open = await startTestServer({ OFFICEGRAPH_WRITE_TOKEN: '', OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
    try {
      const before = await graphCounts(open);
      const response = await open.graphql(INGEST, { input: fixture }, AUTH);
      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Writes are disabled: the server has no OFFICEGRAPH_WRITE_TOKEN configured.',
            locations: expect.any(Array),
            path: ['ingest'],
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      expect(await graphCounts(open)).toEqual(before);
    } finally {
      await open.stop();
    }
  });
});
