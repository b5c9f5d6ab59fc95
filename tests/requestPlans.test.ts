/**
 * One read per request: the common questions (search by name, roleHolders(at),
 * person.tenures(at) with post and organization, 50 people with tenures, posts and
 * organizations, neighborhood at depth 1, 2 and 3) each cost one Cypher round trip, and answer
 * exactly as the unplanned path (OFFICEGRAPH_PLAN_REQUESTS=false: loaders only) does, on a
 * generated graph with one- and several-seat posts, partial and missing dates and successions.
 * The neighbourhoods are also checked against the level-by-level reference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/generateGraph.js';
import { importBulk } from '../src/bulk/importBulk.js';
import { neighborhood } from '../src/graph/neighborhood.js';
import type { QueryName } from '../src/graph/cypherQueries.js';
import { referenceNeighborhood } from './helpers/neighborhoodReference.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const SEED = 902;
const TAG = `g${SEED}-`;
let planned: TestServer;
let unplanned: TestServer;
let directory: string;
const sent: QueryName[] = [];
let postIds: string[] = [];
let personIds: string[] = [];
let orgIds: string[] = [];

async function cypher(statement: string, params: Record<string, unknown> = {}) {
  const session = planned.app.store.driver.session();
  try {
    return (await session.run(statement, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  planned = await startTestServer({ OFFICEGRAPH_MAX_COST: '10000000' }, { onQuery: (name) => sent.push(name) });
  unplanned = await startTestServer({ OFFICEGRAPH_MAX_COST: '10000000', OFFICEGRAPH_PLAN_REQUESTS: 'false' });
  directory = mkdtempSync(path.join(tmpdir(), 'officegraph-plans-'));
  generateGraph({ persons: 300, seed: SEED, out: directory });
  await importBulk(planned.app.store, directory, { batchSize: 5000 });
  const pick = async (label: string, count: number) =>
    (await cypher(`MATCH (n:${label}) WHERE n.id CONTAINS $tag RETURN n.id AS id ORDER BY id`, { tag: `:${TAG}` }))
      .map((row) => String(row.id))
      .filter((_id, index, all) => index % Math.max(1, Math.floor(all.length / count)) === 0)
      .slice(0, count);
  postIds = await pick('Post', 8);
  personIds = await pick('Person', 8);
  orgIds = await pick('Organization', 4);
}, 600_000);

afterAll(async () => {
  if (planned) {
    await cypher(`MATCH (n) WHERE n.id CONTAINS $tag OR n.id STARTS WITH $prefix CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`, {
      tag: `:${TAG}`,
      prefix: `generated-300-${SEED}/`,
    });
  }
  await planned?.stop();
  await unplanned?.stop();
  rmSync(directory, { recursive: true, force: true });
});

/** The planned answer, after checking it took one round trip and equals the unplanned answer. */
async function oneRead(query: string, variables: Record<string, unknown>) {
  sent.length = 0;
  const response = await planned.graphql(query, variables);
  expect(response.body.errors).toBeUndefined();
  expect(sent, JSON.stringify(variables)).toHaveLength(1);
  const reference = await unplanned.graphql(query, variables);
  expect(response.body).toEqual(reference.body);
  return response.body.data as Record<string, any>;
}

const AT = [null, '2005', '2012-06', '2020-03-15'];

describe('one read per request', () => {
  it('search by name', async () => {
    const query = `query ($text: String!) { search(text: $text, first: 10) { entity { id name } matched score } }`;
    for (const text of ['Wang Jian', '王', 'Department of Commerce', 'Chen']) await oneRead(query, { text });
  });

  it('roleHolders(at)', async () => {
    const query = `query ($post: ID!, $at: Date) { roleHolders(post: $post, at: $at) {
      id person { id name } startDate effectiveStart effectiveEnd heldFrom heldTo endBasis evidence { quote } } }`;
    let nonEmpty = 0;
    for (const post of postIds) {
      for (const at of AT) nonEmpty += (await oneRead(query, { post, at })).roleHolders.length > 0 ? 1 : 0;
    }
    expect(nonEmpty).toBeGreaterThan(postIds.length);
  });

  it('person.tenures(at) with post and organization', async () => {
    const query = `query ($id: ID!, $at: Date) { person(id: $id) { id name aliases tenures(at: $at) {
      id startDate endDate effectiveEnd endBasis post { id name seats organization { id name } } evidence { quote } } } }`;
    let tenures = 0;
    for (const id of personIds) {
      for (const at of AT) tenures += (await oneRead(query, { id, at })).person.tenures.length;
    }
    expect(tenures).toBeGreaterThan(personIds.length);
    // An unknown person is null, in one read too.
    expect((await oneRead(query, { id: 'person:nobody-at-all', at: null })).person).toBeNull();
    // The same question for several people in one request (aliases) is still one read.
    const people = `query ($at: Date) { ${personIds.map((id, i) => `p${i}: person(id: "${id}") { tenures(at: $at) { id post { name organization { name } } } }`).join(' ')} }`;
    const holders = `query ($at: Date) { ${postIds.map((id, i) => `h${i}: roleHolders(post: "${id}", at: $at) { id person { name } }`).join(' ')} }`;
    for (const at of AT) {
      await oneRead(people, { at });
      await oneRead(holders, { at });
    }
  });

  it('people(first: 50) with tenures, posts and organizations, with and without totalCount', async () => {
    const query = `query ($first: Int, $after: String, $at: Date, $name: String) {
      people(first: $first, after: $after, nameContains: $name) {
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name tenures(at: $at) { id heldFrom post { id name organization { id name } } } } } } }`;
    const counted = query.replace('pageInfo {', 'totalCount pageInfo {');
    let after: string | null = null;
    for (const at of AT) {
      const page = await oneRead(query, { first: 50, after, at, name: null });
      expect(page.people.edges).toHaveLength(50);
      after = page.people.pageInfo.endCursor;
      const filtered = await oneRead(counted, { first: 50, after: null, at, name: 'wang' });
      expect(filtered.people.totalCount).toBeGreaterThan(0);
    }
  });

  it('neighborhood(depth: 1), as of a date and by kinds', async () => {
    const query = `query ($id: ID!, $at: Date, $kinds: [EntityKind!], $limit: Int) {
      neighborhood(id: $id, depth: 1, limit: $limit, at: $at, kinds: $kinds) {
        truncated nodes { id kind label } edges { id source target type evidence { quote } } } }`;
    for (const id of [...orgIds, ...personIds.slice(0, 3), ...postIds.slice(0, 3)]) {
      for (const at of [null, '2010']) {
        for (const [kinds, limit] of [[null, 200], [['PERSON', 'POST'], 200], [null, 5]] as const) {
          await oneRead(query, { id, at, kinds, limit });
        }
      }
    }
  });

  it('neighborhood(depth: 2) and (depth: 3), as of a date and by kinds', async () => {
    const query = `query ($id: ID!, $depth: Int, $at: Date, $kinds: [EntityKind!], $limit: Int) {
      neighborhood(id: $id, depth: $depth, limit: $limit, at: $at, kinds: $kinds) {
        truncated nodes { id kind label } edges { id source target type evidence { quote } } } }`;
    for (const id of [...orgIds, ...personIds.slice(0, 3), ...postIds.slice(0, 3)]) {
      for (const at of [null, '2010']) {
        for (const [kinds, limit] of [[null, 200], [['PERSON', 'POST'], 200], [null, 5]] as const) {
          await oneRead(query, { id, depth: 2, at, kinds, limit });
        }
        await oneRead(query, { id, depth: 3, at, kinds: null, limit: 200 });
      }
    }
  });

  it('paths, with and without properties and evidence, and an unknown end', async () => {
    const bare = `query ($from: ID!, $to: ID!, $at: Date) {
      paths(from: $from, to: $to, maxHops: 4, first: 5, at: $at) { length nodes { id kind label } edges { id source target type } } }`;
    const full = `query ($from: ID!, $to: ID!, $at: Date) {
      paths(from: $from, to: $to, maxHops: 4, first: 5, at: $at) { length nodes { id properties } edges { id properties evidence { quote } } } }`;
    let found = 0;
    for (let index = 0; index + 1 < personIds.length; index += 2) {
      for (const at of [null, '2010']) {
        const variables = { from: personIds[index], to: personIds[index + 1], at };
        const bareAnswer = await oneRead(bare, variables);
        const fullAnswer = await oneRead(full, variables);
        found += bareAnswer.paths.length;
        // The same paths either way: the edge ids (a tenure's id, a participation's role) need no properties.
        expect(bareAnswer.paths.map((path: { edges: Array<{ id: string }> }) => path.edges.map((edge) => edge.id))).toEqual(
          fullAnswer.paths.map((path: { edges: Array<{ id: string }> }) => path.edges.map((edge) => edge.id)),
        );
      }
    }
    expect(found).toBeGreaterThan(0);
    sent.length = 0;
    const unknown = await planned.graphql(bare, { from: personIds[0], to: 'person:nobody-at-all', at: null });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.body.errors?.[0]?.message).toContain('(to)');
    expect(sent).toHaveLength(1);
  });
});

describe('the one-statement neighbourhood', () => {
  it('is the level-by-level neighbourhood at depths 1, 2 and 3', async () => {
    const truncated = new Map<number, number>();
    const hubs = ['org:jilin-provincial-foreign-affairs-committee', 'person:huang-qiang'];
    const idsAt = (depth: number) => (depth === 1 ? [...orgIds, ...personIds, ...postIds, ...hubs] : [...orgIds, ...personIds.slice(0, 4), ...postIds.slice(0, 4), ...hubs]);
    for (const depth of [1, 2, 3]) {
      for (const id of idsAt(depth)) {
        for (const at of [null, '2010', '2026-02-11']) {
          for (const [kinds, limit] of [[null, 200], [null, 4], [['PERSON', 'SOURCE'], 50]] as const) {
            const request = { id, depth, limit, kinds, at };
            const one = await neighborhood(planned.app.store, request);
            expect(one, JSON.stringify(request)).toEqual(await referenceNeighborhood(planned.app.store, request));
            truncated.set(depth, (truncated.get(depth) ?? 0) + (one?.truncated ? 1 : 0));
          }
        }
      }
    }
    for (const depth of [1, 2, 3]) expect(truncated.get(depth), `depth ${depth}`).toBeGreaterThan(0);
    for (const depth of [1, 2, 3]) expect(await neighborhood(planned.app.store, { id: 'org:nowhere', depth, limit: 10, kinds: null })).toBeNull();
  });
});
