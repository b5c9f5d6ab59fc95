/**
 * Hostile input over HTTP: random and malicious search text, ids, dates and ingest documents
 * (quotes, backslashes, Cypher fragments, huge strings, deep JSON, lone surrogates, NUL, nulls).
 * Every answer must be a clean 2xx/4xx with BAD_USER_INPUT (or NOT_FOUND) when refused, the
 * server must stay up, and the graph must not change unless the input was a valid document,
 * which is then retracted again. FUZZ_RUNS sets the runs per property (CI: 150).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/testServer.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TOKEN = 'fuzz-write-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let server: TestServer;
let baseline: { nodes: number; relationships: number };

async function graphCounts() {
  const [row] = await server.app.store.read('graph_counts');
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

beforeAll(async () => {
  server = await startTestServer({ OFFICEGRAPH_WRITE_TOKEN: TOKEN });
  baseline = await graphCounts();
});

afterAll(async () => {
  await server?.stop();
});

const HOSTILE_STRINGS = [
  '',
  ' ',
  '"',
  "'",
  '\\',
  '\\"',
  '`',
  "') RETURN 1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  'MATCH (n) DETACH DELETE n',
  '*',
  '~',
  'AND OR NOT',
  'title:(a OR b)^10',
  '[1 TO 2]',
  '$where',
  '{ "a": 1 }',
  '\u0000',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uFEFF',
  '黄强',
  '%00%27',
  '<script>alert(1)</script>',
  'person:',
  ':',
  'person:huang-qiang\n',
  '2026-02-30',
  '2026-13',
  '0000',
  '-2026',
  '+2026-01-01',
  '2026-01-01T00:00:00Z',
  'x'.repeat(1_001),
  'x'.repeat(100_001),
  '\\u0000'.repeat(1_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\\', '"', "'", '\u0000', '\uD800', '(', ')', '{', '}', ':', '/', '*', '~'), maxLength: 50 }),
);

function deepJson(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(deepJson(50), deepJson(500), [], {}, { __proto__: { polluted: true } }, { constructor: { prototype: { x: 1 } } }),
);

function expectClean(response: GraphQLResponse, allowed: string[]) {
  expect(response.status).toBeLessThan(500);
  for (const error of response.body.errors ?? []) expect(allowed).toContain(error.extensions?.code);
}

describe('hostile reads', () => {
  it('search text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const response = await server.graphql('query S($text: String!) { search(text: $text, first: 5) { entity { id } score } }', { text });
        expectClean(response, ['BAD_USER_INPUT']);
      }),
      { numRuns: RUNS },
    );
  });

  it('ids', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        const response = await server.graphql(
          'query E($id: ID!) { entity(id: $id) { id } person(id: $id) { id } neighborhood(id: $id, depth: 1, limit: 5) { truncated } }',
          { id },
        );
        expectClean(response, ['BAD_USER_INPUT', 'NOT_FOUND']);
      }),
      { numRuns: RUNS },
    );
  });

  it('dates and other argument values of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (at) => {
        const response = await server.graphql('query T($at: Date) { person(id: "person:huang-qiang") { tenures(at: $at) { id } } }', { at });
        expectClean(response, ['BAD_USER_INPUT']);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A small valid document that touches no seed entity. */
function validDocument(run: number) {
  return {
    source: {
      id: `source:fuzz-${run}`,
      name: 'Fuzz report',
      publisher: 'Fuzz Wire',
      publishedDate: '2026-01-01',
      language: 'en',
      text: 'Fuzzy Person One is Director of the Fuzz Bureau, which sits in Fuzz Town.',
    },
    entities: [
      { ref: 'p', kind: 'PERSON', name: 'Fuzzy Person One', quote: 'Fuzzy Person One' },
      { ref: 'o', kind: 'ORGANIZATION', name: 'Fuzz Bureau', quote: 'Fuzz Bureau' },
      { ref: 'd', kind: 'POST', name: 'Director of the Fuzz Bureau', role: 'Director', quote: 'Director of the Fuzz Bureau' },
      { ref: 't', kind: 'PLACE', name: 'Fuzz Town', quote: 'Fuzz Town' },
    ],
    facts: [
      { type: 'POST_OF', from: 'd', to: 'o', quote: 'Director of the Fuzz Bureau' },
      { type: 'BASED_IN', from: 'o', to: 't', quote: 'Fuzz Bureau, which sits in Fuzz Town' },
      { type: 'TENURE', person: 'p', post: 'd', startDate: '2026', quote: 'Fuzzy Person One is Director of the Fuzz Bureau' },
    ],
  };
}

/** Every place in the document where a value can be replaced, as a path of keys. */
function valuePaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => valuePaths(item, [...prefix, key]))];
}

function replaceAt(document: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = replacement;
  return copy;
}

const INGEST = 'mutation I($document: JSON!) { ingestDocument(document: $document) { sourceId } }';

describe('hostile ingest documents', () => {
  it('a valid document goes in and is retracted again (so the property below can tell)', async () => {
    const response = await server.graphql(INGEST, { document: validDocument(0) }, AUTH);
    expect(response.body).toEqual({ data: { ingestDocument: { sourceId: 'source:fuzz-0' } } });
    const retracted = await server.graphql('mutation R { retractSource(id: "source:fuzz-0") { __typename } }', {}, AUTH);
    expect(retracted.body.errors).toBeUndefined();
    expect(await graphCounts()).toEqual(baseline);
  });

  it('a document with one value replaced by hostile input is refused cleanly, or goes in whole', async () => {
    const paths = valuePaths(validDocument(0));
    let run = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), hostileValue, async (path, replacement) => {
        run += 1;
        const document = replaceAt(validDocument(run), path, replacement);
        const response = await server.graphql(INGEST, { document }, AUTH);
        expectClean(response, ['BAD_USER_INPUT']);
        if (response.body.errors) {
          expect(await graphCounts()).toEqual(baseline);
          return;
        }
        accepted += 1;
        const sourceId = (response.body.data as { ingestDocument: { sourceId: string } }).ingestDocument.sourceId;
        const retracted = await server.graphql('mutation R($id: ID!) { retractSource(id: $id) { __typename } }', { id: sourceId }, AUTH);
        expect(retracted.body.errors).toBeUndefined();
        expect(await graphCounts()).toEqual(baseline);
      }),
      { numRuns: RUNS },
    );
    // Some replacements (another valid name, say) are fine: the property saw both outcomes.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(RUNS);
  });

  it('whole documents of random JSON are refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (document) => {
        const response = await server.graphql(INGEST, { document }, AUTH);
        expectClean(response, ['BAD_USER_INPUT']);
        expect(await graphCounts()).toEqual(baseline);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hostile HTTP bodies', () => {
  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers malformed or oversized bodies with a 4xx and stays up', async () => {
    const bodies = [
      '',
      '{',
      'null',
      '[]',
      '"query"',
      '{"query": 1}',
      '{"query": "{ entity(id: \\"x\\") { id } }", "variables": "not an object"}',
      // Deep JSON is built as text: JSON.stringify itself would overflow the stack.
      `{"query": "query I($d: JSON!) { ingestDocument(document: $d) { sourceId } }", "variables": {"d": ${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}}}`,
      JSON.stringify({ query: 'x'.repeat(6 * 1024 * 1024) }),
    ];
    for (const body of bodies) {
      const response = await post(body);
      expect(response.status, body.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 80)).toBeLessThan(500);
    }
    // Deep variables the operation does not use are ignored, not a failure.
    const unused = await post(`{"query": "{ entity(id: \\"x\\") { id } }", "variables": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
    expect(unused.status).toBe(200);
    expect(await unused.json()).toEqual({ data: { entity: null } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await graphCounts()).toEqual(baseline);
  });
});
