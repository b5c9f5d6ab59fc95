/**
 * The measuring part of the three-way benchmark, shared by `npm run bench` and its quick CI
 * test: sample parameters from the graph, check that the sides give equal answers, then time
 * every question at each concurrency with the sides interleaved (A, B, C, A, B, C, …: a burst
 * of requests each in turn), so machine load falls on all sides alike.
 */
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { QUESTIONS, type Params, type Question, type Samples } from './threeWayQuestions.js';

export type Side = 'officegraph' | 'cypher' | 'neo4jGraphql';
export interface Timing {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}
export type QuestionResults = Record<string, Partial<Record<Side, Timing>>>;

export interface Targets {
  officegraphUrl: string;
  neo4jGraphqlUrl?: string;
  driver: Driver;
}

export async function sampleGraph(driver: Driver, count = 40): Promise<Samples> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  const ids = async (statement: string) => (await session.run(statement, { count: neo4j.int(count) })).records.map((record) => String(record.get(0)));
  try {
    const persons = await ids(`MATCH (p:Person) WHERE EXISTS { (p)-[:HOLDS]->() } WITH p ORDER BY p.id SKIP 17 LIMIT $count * 25 WITH collect(p.id) AS pool
      UNWIND range(0, $count - 1) AS i RETURN pool[i * 25 % size(pool)]`);
    const names = await ids(`MATCH (p:Person) WITH p ORDER BY p.id SKIP 3 LIMIT $count * 31 WITH collect(p.name) AS pool
      UNWIND range(0, $count - 1) AS i RETURN pool[i * 31 % size(pool)]`);
    const posts = await ids(`MATCH (p:Post) WITH p ORDER BY p.id LIMIT $count * 13 WITH collect(p.id) AS pool
      UNWIND range(0, $count - 1) AS i RETURN pool[i * 13 % size(pool)]`);
    const organizations = await ids(`MATCH (o:Organization) WITH o ORDER BY o.id LIMIT $count * 7 WITH collect(o.id) AS pool
      UNWIND range(0, $count - 1) AS i RETURN pool[i * 7 % size(pool)]`);
    // "Surname Given": an exact-case prefix of real names, so name filters match a page or less.
    const prefixes = [...new Set(names.map((name) => name.split(' ').slice(0, 2).join(' ').slice(0, name.indexOf(' ') + 3)))];
    // officegraph's nameContains ignores case and also reads aliases; keep the filters for which
    // that matches the same people as the exact-case name filter of the other two sides.
    const nameFilters = (
      await session.run(
        `UNWIND $prefixes AS prefix
         CALL (prefix) {
           MATCH (p:Person) WHERE toLower(p.name) CONTAINS toLower(prefix) OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) CONTAINS toLower(prefix))
           RETURN count(p) AS loose
         }
         CALL (prefix) { MATCH (p:Person) WHERE p.name CONTAINS prefix RETURN count(p) AS exact }
         WITH prefix WHERE loose = exact
         RETURN prefix`,
        { prefixes },
      )
    ).records.map((record) => String(record.get('prefix')));
    // Persons sharing an organization through the posts they held: 2 to 4 hops apart.
    const pairs = (
      await session.run(
        `MATCH (a:Person) WHERE EXISTS { (a)-[:HOLDS]->() } WITH a ORDER BY a.id SKIP 29 LIMIT $count * 20
        WITH collect(a) AS pool UNWIND range(0, size(pool) - 1, 20) AS i WITH pool[i] AS a
        CALL (a) {
          MATCH (a)-[:HOLDS]->(:Tenure)-[:OF_POST]->(:Post)-[:POST_OF]->(:Organization)<-[:POST_OF]-(:Post)<-[:OF_POST]-(:Tenure)<-[:HOLDS]-(b:Person)
          WHERE b <> a
          WITH DISTINCT b ORDER BY b.id LIMIT 1
          RETURN b
        }
        RETURN a.id AS from, b.id AS to`,
        { count: neo4j.int(count) },
      )
    ).records.map((record) => [String(record.get('from')), String(record.get('to'))] as [string, string]);
    return { names, posts, persons, organizations, nameFilters, pathPairs: pairs };
  } finally {
    await session.close();
  }
}

async function graphql(url: string, query: string, variables: Params): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data;
}

function toPlain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  return value;
}

async function cypher(driver: Driver, statement: string, parameters: Params) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(statement, parameters));
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, any>);
  } finally {
    await session.close();
  }
}

/** One request of one side; resolves with its answer. */
function ask(side: Side, question: Question, params: Params, targets: Targets): Promise<unknown> {
  switch (side) {
    case 'officegraph':
      return graphql(targets.officegraphUrl, question.officegraph.query, question.officegraph.variables(params)).then(question.officegraph.answer);
    case 'neo4jGraphql':
      return graphql(targets.neo4jGraphqlUrl as string, question.neo4jGraphql.query, question.neo4jGraphql.variables(params)).then(question.neo4jGraphql.answer);
    case 'cypher':
      return cypher(targets.driver, question.cypher.statement, question.cypher.parameters(params)).then(question.cypher.answer);
  }
}

export interface Difference {
  question: string;
  params: Params;
  side: Side;
  expected: unknown;
  got: unknown;
}

/** Asks every question with `sets` parameter sets on every side; lists where a side differs from officegraph. */
export async function compareAnswers(targets: Targets, samples: Samples, sides: Side[], sets = 40, questions = QUESTIONS): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const question of questions) {
    for (let i = 0; i < sets; i += 1) {
      const params = question.params(samples, i);
      const expected = await ask('officegraph', question, params, targets).catch((error: Error) => `error: ${error.message}`);
      for (const side of sides.filter((item) => item !== 'officegraph')) {
        const got = await ask(side, question, params, targets).catch((error: Error) => `error: ${error.message}`);
        if (JSON.stringify(got) !== JSON.stringify(expected)) differences.push({ question: question.name, params, side, expected, got });
      }
    }
  }
  return differences;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? 0;
}

/** `requests` requests per side at `concurrency`, interleaved in bursts; p50/p95/p99 in ms and requests/s per side. */
export async function timeQuestion(
  question: Question,
  targets: Targets,
  samples: Samples,
  sides: Side[],
  concurrency: number,
  requests: number,
): Promise<Partial<Record<Side, Timing>>> {
  const burst = Math.max(concurrency * 2, 8);
  const latencies = new Map<Side, number[]>(sides.map((side) => [side, []]));
  const busy = new Map<Side, number>(sides.map((side) => [side, 0]));
  let next = 0;
  for (let done = 0; done < requests; done += burst) {
    const size = Math.min(burst, requests - done);
    for (const side of sides) {
      let issued = 0;
      const started = performance.now();
      const worker = async () => {
        while (issued < size) {
          issued += 1;
          const params = question.params(samples, next++);
          const t0 = performance.now();
          await ask(side, question, params, targets);
          latencies.get(side)!.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, size) }, worker));
      busy.set(side, busy.get(side)! + performance.now() - started);
    }
  }
  const result: Partial<Record<Side, Timing>> = {};
  for (const side of sides) {
    const sorted = latencies.get(side)!.sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 100) / 100;
    result[side] = {
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      p99: round(percentile(sorted, 0.99)),
      rps: round((sorted.length / busy.get(side)!) * 1000),
    };
  }
  return result;
}

export async function warmUp(targets: Targets, samples: Samples, sides: Side[], rounds = 5, questions = QUESTIONS) {
  for (const question of questions) for (let i = 0; i < rounds; i += 1) for (const side of sides) await ask(side, question, question.params(samples, i), targets);
}
