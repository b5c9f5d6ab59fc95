/**
 * Where the time of one small request goes: the same lookup asked as GraphQL over HTTP and as
 * hand-written Cypher through neo4j-driver, next to the two floors under them (an HTTP GraphQL
 * request that touches no database, and a read transaction that returns one constant), all on
 * the seed graph, one client, interleaved. Uses the server's configuration (NEO4J_URI, or the
 * local Neo4j in OFFICEGRAPH_DATA_DIR).
 *
 *   npx tsx bench/requestOverhead.ts [requests per probe]     (default 300)
 */
import neo4j from 'neo4j-driver';
import { startOfficegraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const PERSON = 'person:huang-qiang';
const AT = '2023-03';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
const app = await startOfficegraph(config, { logger: createLogger('silent') });
const driver = app.store.driver;

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body;
}

async function read(statement: string, parameters: Record<string, unknown> = {}) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.executeRead((tx) => tx.run(statement, parameters))).records;
  } finally {
    await session.close();
  }
}

const day = (at: string) => ({ heldFirst: `${at}-01`, heldLast: `${at}-31` });

const PROBES: Array<{ name: string; run: () => Promise<unknown> }> = [
  { name: 'HTTP GraphQL, no database: { __typename }', run: () => graphql('{ __typename }') },
  { name: 'read transaction, RETURN 1', run: () => read('RETURN 1 AS one') },
  {
    name: 'person.tenures(at) › post › organization, GraphQL over HTTP',
    run: () => graphql('query ($id: ID!, $at: Date) { person(id: $id) { name tenures(at: $at) { id post { name organization { name } } } } }', { id: PERSON, at: AT }),
  },
  {
    name: 'the same, hand-written Cypher',
    run: () =>
      read(
        `MATCH (person:Person {id: $id})
         CALL (person) {
           OPTIONAL MATCH (person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
           WHERE t.heldFrom <= $heldLast AND (t.heldTo IS NULL OR t.heldTo >= $heldFirst)
           OPTIONAL MATCH (post)-[:POST_OF]->(org:Organization)
           WITH t, post, org ORDER BY t.heldFrom, t.id
           RETURN collect(CASE WHEN t IS NOT NULL THEN {id: t.id, post: {name: post.name, organization: {name: org.name}}} END) AS tenures
         }
         RETURN person.name AS name, tenures`,
        { id: PERSON, ...day(AT) },
      ),
  },
  {
    name: 'the planned statement (plan_person) through the server\'s store',
    run: () =>
      app.store.read('plan_person', { ids: [PERSON], ...day(AT), limit: 200, withTenures: true, withPosts: true, withOrganizations: true }),
  },
];

const times: number[][] = PROBES.map(() => []);
for (let warm = 0; warm < 30; warm += 1) for (const probe of PROBES) await probe.run();
for (let round = 0; round < REQUESTS; round += 1) {
  for (const [index, probe] of PROBES.entries()) {
    const started = performance.now();
    await probe.run();
    times[index]!.push(performance.now() - started);
  }
}
await app.stop();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
console.log(`| probe | p50 ms | p95 ms |\n|---|---|---|`);
for (const [index, probe] of PROBES.entries()) {
  console.log(`| ${probe.name} | ${quantile(times[index]!, 0.5).toFixed(2)} | ${quantile(times[index]!, 0.95).toFixed(2)} |`);
}
