/**
 * The one-statement neighbourhoods (neighborhood_one for depth 1, neighborhood_two for depths 2
 * and 3) answer exactly as the level-by-level reference (tests/helpers/neighborhoodReference.ts):
 * same nodes in the same order, same edges, same `truncated`. Checked on generated graphs of
 * varied shapes (hubs, dated and undated entities and tenures, sources, a merged id, a few self
 * loops and two-way relationships), with limits small enough to cut levels and rows, kinds
 * filters and as-of dates. Fixed seed, bounded number of runs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { neighborhood, type NeighborhoodRequest } from '../src/graph/neighborhood.js';
import type { QueryName } from '../src/graph/cypherQueries.js';
import type { EntityKind } from '../src/model/document.js';
import { referenceNeighborhood } from './helpers/neighborhoodReference.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const PREFIX = 'nbtest:';
const SEED = 20261130;
const RUNS = 30;

let server: TestServer;
const sent: QueryName[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { onQuery: (name) => sent.push(name) });
});

afterAll(async () => {
  if (server) await removeGraph();
  await server?.stop();
});

const KINDS: Record<EntityKind, string> = {
  PERSON: 'Person',
  POST: 'Post',
  ORGANIZATION: 'Organization',
  EVENT: 'Event',
  DOCUMENT: 'Document',
  SOURCE: 'Source',
  PLACE: 'Place',
  POLICY_THEME: 'PolicyTheme',
};
const KIND_NAMES = Object.keys(KINDS) as EntityKind[];
const DATES = ['1999', '2005-06', '2010-01-15', '2012', '2020-03-15'];
const DATE_FIELD: Partial<Record<EntityKind, string>> = { EVENT: 'startDate', DOCUMENT: 'date', SOURCE: 'publishedDate' };
const TYPES = ['POST_OF', 'PART_OF', 'BASED_IN', 'ORGANIZED_BY', 'HELD_IN', 'ADDRESSED', 'PARTICIPATED_IN', 'MENTIONS'];

interface Graph {
  entities: Array<{ id: string; kind: EntityKind; label: string; props: Record<string, unknown> }>;
  relations: Array<{ type: string; from: string; to: string; props: Record<string, unknown> }>;
  tenures: Array<{ id: string; person: string; post: string; heldFrom: string | null; heldTo: string | null; onBehalfOf: string | null }>;
  redirect: { id: string; target: string } | null;
}

/** An index into n items, a third of the time one of the first three: they become hubs. */
const skewed = (n: number) =>
  fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: Math.min(2, n - 1) }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: n - 1 }) });

const graphArbitrary: fc.Arbitrary<Graph> = fc
  .record({
    size: fc.integer({ min: 4, max: 28 }),
    kinds: fc.array(fc.constantFrom(...KIND_NAMES), { minLength: 28, maxLength: 28 }),
    names: fc.uniqueArray(fc.stringMatching(/^[a-e]{1,3}$/), { minLength: 28, maxLength: 28 }),
    dates: fc.array(fc.option(fc.constantFrom(...DATES), { nil: null }), { minLength: 28, maxLength: 28 }),
  })
  .chain(({ size, kinds, names, dates }) => {
    // At least one person and one post, so that tenures can be drawn.
    const kindOf = (i: number): EntityKind => (i === 0 ? 'PERSON' : i === 1 ? 'POST' : (kinds[i] as EntityKind));
    const entities = Array.from({ length: size }, (_, i) => {
      const kind = kindOf(i);
      const id = `${PREFIX}${names[i]}`;
      const props: Record<string, unknown> = { id, kind, name: `${kind.toLowerCase()} ${names[i]}` };
      const field = DATE_FIELD[kind];
      if (field && dates[i]) props[field] = dates[i];
      if (kind === 'SOURCE') props.text = 'the full text of the source';
      return { id, kind, label: KINDS[kind], props };
    });
    const ofKind = (wanted: EntityKind) => entities.filter((entity) => entity.kind === wanted);
    const persons = ofKind('PERSON');
    const posts = ofKind('POST');
    const sources = ofKind('SOURCE');
    const relation = fc
      .record({ type: fc.constantFrom(...TYPES), from: skewed(size), to: skewed(size), role: fc.constantFrom('speaker', 'attendee'), loop: fc.boolean() })
      .map(({ type, from, to, role, loop }) => {
        const source = type === 'MENTIONS' && sources.length > 0 ? sources[from % sources.length]! : entities[from]!;
        // A self loop now and then (loop and from = to both drawn), and relationships both ways.
        const target = loop || from !== to ? entities[to]! : entities[(to + 1) % size]!;
        const props: Record<string, unknown> =
          type === 'MENTIONS' ? { quote: `${source.id} on ${target.id}` } : { evidence: [JSON.stringify({ s: 'source:x', q: `${type} ${from} ${to}` })] };
        if (type === 'PARTICIPATED_IN') props.role = role;
        return { type: type === 'MENTIONS' && sources.length === 0 ? 'PART_OF' : type, from: source.id, to: target.id, props };
      });
    const tenure = fc
      .record({
        person: skewed(persons.length),
        post: skewed(posts.length),
        heldFrom: fc.option(fc.constantFrom('1998-01-01', '2004-03-01', '2010-01-15', '2015-07-01'), { nil: null }),
        years: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
        onBehalfOf: fc.option(skewed(size), { nil: null }),
      })
      .map(({ person, post, heldFrom, years, onBehalfOf }) => ({
        person: persons[person]!.id,
        post: posts[post]!.id,
        heldFrom,
        heldTo: heldFrom && years !== null ? `${Number(heldFrom.slice(0, 4)) + years}-12-31` : null,
        onBehalfOf: onBehalfOf === null ? null : entities[onBehalfOf]!.kind === 'ORGANIZATION' ? entities[onBehalfOf]!.id : null,
      }));
    return fc.record({
      entities: fc.constant(entities),
      // One relationship per type, ends and role, as the write path MERGEs them.
      relations: fc.uniqueArray(relation, { maxLength: 70, selector: (r) => `${r.type} ${r.from} ${r.to} ${String(r.props.role ?? '')}` }),
      tenures: fc.array(tenure, { maxLength: 25 }).map((list) => list.map((t, i) => ({ id: `${PREFIX}tenure-${i}`, ...t }))),
      redirect: fc.option(skewed(size).map((i) => ({ id: `${PREFIX}merged-away`, target: entities[i]!.id })), { nil: null }),
    });
  });

const requestArbitrary = (graph: Graph): fc.Arbitrary<NeighborhoodRequest> =>
  fc.record({
    id: fc.oneof(
      { weight: 8, arbitrary: skewed(graph.entities.length).map((i) => graph.entities[i]!.id) },
      { weight: 1, arbitrary: fc.constant(graph.redirect?.id ?? `${PREFIX}nobody`) },
    ),
    depth: fc.constantFrom(1, 2, 2, 3),
    limit: fc.constantFrom(1, 2, 3, 4, 6, 10, 40),
    kinds: fc.option(fc.subarray(KIND_NAMES, { minLength: 1 }), { nil: null }),
    at: fc.option(fc.constantFrom('2000', '2005-06', '2010-01-15', '2016', '2030'), { nil: null }),
  });

async function write(statement: string, params: Record<string, unknown>) {
  const session = server.app.store.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => tx.run(statement, params));
  } finally {
    await session.close();
  }
}

async function removeGraph() {
  await write(`MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix: PREFIX });
}

async function writeGraph(graph: Graph) {
  await removeGraph();
  await write(
    `UNWIND $entities AS e
     CREATE (n:Entity:$(e.label)) SET n = e.props`,
    { entities: graph.entities },
  );
  await write(
    `UNWIND $relations AS f
     MATCH (a:Entity {id: f.from}), (b:Entity {id: f.to})
     CREATE (a)-[r:$(f.type)]->(b) SET r = f.props`,
    { relations: graph.relations },
  );
  await write(
    `UNWIND $tenures AS f
     MATCH (person:Person {id: f.person}), (post:Post {id: f.post})
     CREATE (person)-[:HOLDS]->(t:Tenure {id: f.id, heldFrom: f.heldFrom, heldTo: f.heldTo})-[:OF_POST]->(post)
     WITH f, t WHERE f.onBehalfOf IS NOT NULL
     MATCH (org:Organization {id: f.onBehalfOf})
     CREATE (t)-[:ON_BEHALF_OF]->(org)`,
    { tenures: graph.tenures },
  );
  if (graph.redirect) await write(`CREATE (:Redirect {id: $id, target: $target})`, graph.redirect);
}

describe('the one-statement neighbourhood', () => {
  it('answers as the level-by-level reference on generated graphs', async () => {
    const seen = { requests: 0, truncated: 0, empty: 0, depth: new Map<number, number>(), statements: new Set<QueryName>() };
    await fc.assert(
      fc.asyncProperty(
        graphArbitrary.chain((graph) => fc.tuple(fc.constant(graph), fc.array(requestArbitrary(graph), { minLength: 8, maxLength: 8 }))),
        async ([graph, requests]) => {
          await writeGraph(graph);
          for (const request of requests) {
            sent.length = 0;
            const answer = await neighborhood(server.app.store, request);
            // One round trip, whatever the depth.
            expect(sent).toHaveLength(1);
            sent.forEach((name) => seen.statements.add(name));
            expect(answer, JSON.stringify(request)).toEqual(await referenceNeighborhood(server.app.store, request));
            seen.requests += 1;
            seen.truncated += answer?.truncated ? 1 : 0;
            seen.empty += answer === null ? 1 : 0;
            seen.depth.set(request.depth, (seen.depth.get(request.depth) ?? 0) + 1);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The runs did reach the cases they are for.
    expect(seen.requests).toBe(RUNS * 8);
    expect(seen.truncated).toBeGreaterThan(seen.requests / 10);
    expect(seen.empty).toBeGreaterThan(0);
    expect(seen.depth.get(3)).toBeGreaterThan(0);
    expect([...seen.statements].sort()).toEqual(['neighborhood_one', 'neighborhood_two']);
  }, 600_000);
});
