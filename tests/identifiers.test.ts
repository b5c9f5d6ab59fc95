/**
 * Identifiers in other registers: every entity kind shows them as {scheme, value},
 * entityByIdentifier finds the entity that carries one, and an import that meets an entity
 * already in the graph under the same identifier adds to it instead of creating a second one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeConversion } from '../src/import/importFile.js';
import { convertPopolo } from '../src/import/popolo.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

let server: TestServer;
const SOURCES = ['source:identifier-test-first-register', 'source:identifier-test-second-register'];

/** A small Popolo file naming one person and one party, with identifiers. */
function register(title: string, personName: string, ids: Array<{ scheme: string; identifier: string }>) {
  return convertPopolo(
    JSON.stringify(
      {
        persons: [{ id: 'x1', name: personName, identifiers: ids }],
        organizations: [
          { id: 'house', name: 'Identifier Test House', classification: 'legislature', identifiers: [{ scheme: 'wikidata', identifier: 'Q990000900' }] },
        ],
        memberships: [{ person_id: 'x1', organization_id: 'house', start_date: '2020' }],
      },
      null,
      2,
    ),
    { name: title, publisher: 'officegraph tests' },
  );
}

beforeAll(async () => {
  server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
}, 120_000);

afterAll(async () => {
  for (const id of SOURCES) await retractSource(server.app.store, id).catch(() => undefined);
  await server.stop();
});

describe('identifiers', () => {
  const LOOKUP = `query ($scheme: String!, $value: String!) {
    entityByIdentifier(scheme: $scheme, value: $value) { id kind name aliases identifiers { scheme value } evidence { source { id } } }
  }`;

  it('matches a person met under another name in a second data set by a shared identifier', async () => {
    const first = await writeConversion(
      server.app.store,
      register('Identifier Test First Register', 'Ada Identifier-Test', [
        { scheme: 'wikidata', identifier: 'Q990000901' },
        { scheme: 'first_register', identifier: '17' },
      ]),
    );
    expect(first.entities).toEqual({ created: 3, matched: 0 });
    const second = await writeConversion(
      server.app.store,
      register('Identifier Test Second Register', 'A. Identifier-Test', [
        { scheme: 'wikidata', identifier: 'Q990000901' },
        { scheme: 'second_register', identifier: 'ab/9' },
      ]),
    );
    // The person is matched by its identifier despite the other name (the house and its post by name, too).
    expect(second.entities).toEqual({ created: 0, matched: 3 });

    const expected = {
      id: 'person:ada-identifier-test-q990000901',
      kind: 'PERSON',
      name: 'Ada Identifier-Test',
      aliases: ['A. Identifier-Test'],
      identifiers: [
        { scheme: 'wikidata', value: 'Q990000901' },
        { scheme: 'first_register', value: '17' },
        { scheme: 'second_register', value: 'ab/9' },
      ],
      evidence: SOURCES.map((id) => ({ source: { id } })),
    };
    for (const [scheme, value] of [
      ['wikidata', 'Q990000901'],
      ['first_register', '17'],
      ['second_register', 'ab/9'],
    ]) {
      expect((await server.graphql(LOOKUP, { scheme, value })).body).toEqual({ data: { entityByIdentifier: expected } });
    }
    const house = await server.graphql(`{ entityByIdentifier(scheme: "wikidata", value: "Q990000900") { id identifiers { scheme value } } }`);
    expect(house.body).toEqual({
      data: { entityByIdentifier: { id: 'org:identifier-test-house-q990000900', identifiers: [{ scheme: 'wikidata', value: 'Q990000900' }] } },
    });
  });

  it('answers null for an identifier no entity carries, also for a prefix or another case of one', async () => {
    for (const [scheme, value] of [
      ['wikidata', 'Q990000999'],
      ['wikidata', 'Q99000090'],
      ['wikidata', 'q990000901'],
      ['first_register', 'Q990000901'],
    ]) {
      expect((await server.graphql(LOOKUP, { scheme, value })).body).toEqual({ data: { entityByIdentifier: null } });
    }
  });

  it('shows an empty list for entities without identifiers, on every kind', async () => {
    const response = await server.graphql(`{
      post(id: "post:member-of-the-identifier-test-house") { identifiers { scheme value } }
      source(id: "source:identifier-test-first-register") { identifiers { scheme value } }
    }`);
    expect(response.body).toEqual({ data: { post: { identifiers: [] }, source: { identifiers: [] } } });
  });

  it('names a bad scheme or value with BAD_USER_INPUT', async () => {
    const response = await server.graphql(LOOKUP, { scheme: 'wiki data', value: 'Q1' });
    expect(response.body.errors?.map((error) => ({ code: error.extensions?.code, problems: error.extensions?.problems }))).toEqual([
      {
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'scheme', message: 'expected letters, digits, "_", "." or "-", such as wikidata, but got: "wiki data"' }],
      },
    ]);
    const empty = await server.graphql(LOOKUP, { scheme: 'wikidata', value: ' ' });
    expect(empty.body.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'value', message: 'expected a non-empty identifier of at most 1000 characters, such as Q7747, but got: " "' },
    ]);
  });
});
