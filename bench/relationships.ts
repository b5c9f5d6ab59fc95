/**
 * Times the relationship queries over real HTTP on a generated graph at two sizes, so the ratio
 * shows how each grows with the graph. Uses the same configuration as the server (NEO4J_URI, or
 * the local Neo4j in OFFICEGRAPH_DATA_DIR); writes only ids under bench-{tag}-.
 *
 *   npx tsx bench/relationships.ts [small bureaus] [large bureaus]     (default 50 500)
 */
import { startOfficegraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { createLogger } from '../src/logger.js';
import { benchDocuments, benchIds, type BenchShape } from './generate.js';

const RUNS = 30;
const sizes = [Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 500)];

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', OFFICEGRAPH_SEED: 'false', LOG_LEVEL: 'silent', OFFICEGRAPH_MAX_COST: '100000000' });
let queriesSent = 0;
const app = await startOfficegraph(config, { logger: createLogger('silent'), onQuery: () => { queriesSent += 1; } });

async function graphql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(`${query}: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data as Record<string, any>;
}

interface Case {
  name: string;
  query: string;
  variables: (run: number, shape: BenchShape) => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'roleHolders(post, at)',
    query: `query ($post: ID!) { roleHolders(post: $post, at: "2010-06") { person { name } effectiveEnd evidence { quote } } }`,
    variables: (run, shape) => ({ post: benchIds(shape.tag).post((run * 7) % shape.bureaus, run % shape.postsPerBureau) }),
  },
  {
    name: 'succession(post)',
    query: `query ($post: ID!) { succession(post: $post) { person { name } effectiveStart effectiveEnd predecessor { id } } }`,
    variables: (run, shape) => ({ post: benchIds(shape.tag).post((run * 11) % shape.bureaus, 1) }),
  },
  {
    name: 'paths(person, person, maxHops 6)',
    query: `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6, first: 5) { length edges { type evidence { quote } } } }`,
    variables: (run, shape) => ({ from: benchIds(shape.tag).person(run % shape.bureaus, 2, 1), to: benchIds(shape.tag).person((run * 13 + 7) % shape.bureaus, 3, 2) }),
  },
  {
    name: 'paths(…, at 2010)',
    query: `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6, first: 5, at: "2010") { length } }`,
    variables: (run, shape) => ({ from: benchIds(shape.tag).person(run % shape.bureaus, 2, 1), to: benchIds(shape.tag).person((run * 13 + 7) % shape.bureaus, 3, 2) }),
  },
  {
    name: 'neighborhood(hub, depth 2, limit 2000)',
    query: `query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 2000) { truncated nodes { id } edges { id } } }`,
    variables: (_run, shape) => ({ id: benchIds(shape.tag).hub }),
  },
  {
    name: 'neighborhood(bureau, depth 2, at 2010)',
    query: `query ($id: ID!) { neighborhood(id: $id, depth: 2, at: "2010") { truncated nodes { id } } }`,
    variables: (run, shape) => ({ id: benchIds(shape.tag).bureau(run % shape.bureaus) }),
  },
  {
    name: 'colleagues(person, at)',
    query: `query ($id: ID!) { colleagues(person: $id, at: "2012") { person { id } shared { id } } }`,
    variables: (run, shape) => ({ id: benchIds(shape.tag).person((run * 3) % shape.bureaus, 0, 2) }),
  },
  {
    name: 'timeline(bureau)',
    query: `query ($id: ID!) { timeline(id: $id) { date kind summary } }`,
    variables: (run, shape) => ({ id: benchIds(shape.tag).bureau(run % shape.bureaus) }),
  },
  {
    name: 'people(at, first 50) page',
    query: `query ($name: String!) { people(first: 50, nameContains: $name, at: "2010") { totalCount edges { node { id } } } }`,
    variables: (_run, shape) => ({ name: `bench ${shape.tag} person` }),
  },
  {
    name: '50 people › tenures › post › organization',
    query: `query ($name: String!) { people(first: 50, nameContains: $name) { edges { node { name tenures { startDate post { name organization { name } } evidence { quote } } } } } }`,
    variables: (_run, shape) => ({ name: `bench ${shape.tag} person` }),
  },
];

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

const results = new Map<string, Array<{ p50: number; p95: number; queries: number }>>();
const graphSizes: string[] = [];
for (const [index, bureaus] of sizes.entries()) {
  const shape: BenchShape = { tag: `${index === 0 ? 's' : 'l'}${bureaus}`, bureaus, postsPerBureau: 5, holdersPerPost: 4, themes: 10, bureausPerDocument: 25 };
  const ingestStart = performance.now();
  for (const document of benchDocuments(shape)) await ingestDocument(app.store, document);
  const ingestMs = performance.now() - ingestStart;
  const people = bureaus * shape.postsPerBureau * shape.holdersPerPost;
  graphSizes.push(`${shape.tag}: ${bureaus} bureaus, ${bureaus * shape.postsPerBureau} posts, ${people} people, ~${people + bureaus * shape.holdersPerPost} tenures, ${people} participations; ingested in ${(ingestMs / 1000).toFixed(1)} s`);
  for (const benchCase of CASES) {
    await graphql(benchCase.query, benchCase.variables(0, shape));
    const times: number[] = [];
    let queries = 0;
    for (let run = 0; run < RUNS; run += 1) {
      queriesSent = 0;
      const start = performance.now();
      await graphql(benchCase.query, benchCase.variables(run, shape));
      times.push(performance.now() - start);
      queries = Math.max(queries, queriesSent);
    }
    times.sort((a, b) => a - b);
    const list = results.get(benchCase.name) ?? [];
    list.push({ p50: percentile(times, 0.5), p95: percentile(times, 0.95), queries });
    results.set(benchCase.name, list);
  }
}

console.log(graphSizes.map((line) => `- ${line}`).join('\n'));
console.log(`\n| query | small p50 / p95 ms | large p50 / p95 ms | large/small p50 | Cypher queries (small, large) |\n|---|---|---|---|---|`);
for (const [name, [small, large]] of results) {
  if (!small || !large) continue;
  console.log(`| ${name} | ${small.p50.toFixed(1)} / ${small.p95.toFixed(1)} | ${large.p50.toFixed(1)} / ${large.p95.toFixed(1)} | ${(large.p50 / small.p50).toFixed(2)} | ${small.queries}, ${large.queries} |`);
}
await app.stop();
