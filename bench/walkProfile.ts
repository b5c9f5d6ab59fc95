/**
 * `npx tsx bench/walkProfile.ts [--work DIR] [--runs N]`: the statements under the walk questions
 * of the three-way benchmark (neighbourhood depth 1 and 2, paths), run in this process through
 * neo4j-driver, officegraph's statement against the hand-written one, on the store that
 * `npm run bench -- --work DIR` loaded. Interleaved over the benchmark's parameter sets: p50 of
 * each, and the database hits that PROFILE counts (summed over the plan, averaged over 10
 * parameter sets). It separates what the database does from what the HTTP GraphQL request adds.
 * officegraph's statements get the parameters the server gives the benchmark's selections (no
 * node or edge properties asked for). Prints a Markdown table.
 */
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Session } from 'neo4j-driver';
import { loadQueries } from '../src/graph/queries.js';
import { dayRange } from '../src/model/partialDate.js';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { QUESTIONS, type Params } from './threeWayQuestions.js';
import { sampleGraph } from './threeWayRun.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? (args[index + 1] as string) : fallback;
};
const work = path.resolve(flag('--work', path.join(os.tmpdir(), 'officegraph-bench-100000-1')));
const runs = Number(flag('--runs', '60'));
const queries = loadQueries();
const int = (value: number) => neo4j.int(value);
const asOf = (at: unknown) => {
  if (at === null || at === undefined) return { atFirst: null, atLast: null };
  const days = dayRange(String(at), String(at));
  return { atFirst: days.heldFirst, atLast: days.heldLast };
};
const neighborhoodParams = (depth: number) => (p: Params) => ({
  id: p.id, depth: int(depth), limit: int(200), rowLimit: int(1000), kinds: null, includeSources: false,
  edgeProperties: false, nodeProperties: false, ...asOf(p.at),
});

/** officegraph's statement and its parameters for each walk question of the benchmark. */
const WALKS: Array<{ question: string; statement: string; parameters: (p: Params) => Params }> = [
  { question: 'neighborhood(organization, depth 1)', statement: queries.neighborhood_one, parameters: neighborhoodParams(1) },
  { question: 'neighborhood(organization, depth 2)', statement: queries.neighborhood_two, parameters: neighborhoodParams(2) },
  {
    question: 'paths(person, person, maxHops 4)',
    statement: queries.shortest_paths,
    parameters: (p) => ({ from: p.from, to: p.to, maxHops: int(4), candidates: int(5), nodeProperties: false, edgeProperties: false, ...asOf(p.at) }),
  },
];

const local = await startLocalNeo4j({ dataDir: path.join(work, 'store'), boltPort: 0, heap: '2g', pageCache: '1g', readyTimeoutMs: 600_000 });
const driver = neo4j.driver(local.uri, neo4j.auth.basic(local.username, local.password));
try {
  const samples = await sampleGraph(driver);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  const rows: string[] = [];
  for (const walk of WALKS) {
    const question = QUESTIONS.find((candidate) => candidate.name === walk.question);
    if (!question) throw new Error(`no benchmark question named ${walk.question}`);
    const sides = [
      { name: 'officegraph', statement: walk.statement, parameters: walk.parameters },
      { name: 'cypher', statement: question.cypher.statement, parameters: question.cypher.parameters },
    ];
    const times: Record<string, number[]> = { officegraph: [], cypher: [] };
    for (let i = 0; i < 5; i += 1) for (const side of sides) await session.run(side.statement, side.parameters(question.params(samples, i)));
    for (let i = 0; i < runs; i += 1) {
      for (const side of sides) {
        const started = performance.now();
        await session.run(side.statement, side.parameters(question.params(samples, i)));
        times[side.name]!.push(performance.now() - started);
      }
    }
    const hits: Record<string, number> = {};
    for (const side of sides) {
      let total = 0;
      for (let i = 0; i < 10; i += 1) total += await dbHits(session, side.statement, side.parameters(question.params(samples, i)));
      hits[side.name] = Math.round(total / 10);
    }
    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const [ours, floor] = [p50(times.officegraph!), p50(times.cypher!)];
    rows.push(`| ${walk.question} | ${ours.toFixed(1)} | ${floor.toFixed(1)} | ${(ours / floor).toFixed(2)} | ${hits.officegraph!.toLocaleString('en')} | ${hits.cypher!.toLocaleString('en')} |`);
  }
  await session.close();
  process.stdout.write(
    [
      `walk statements in process, ${runs} parameter sets each, interleaved; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`,
      '',
      '| question | officegraph statement p50 ms | hand-written p50 ms | ratio | officegraph db hits | hand-written db hits |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
} finally {
  await driver.close();
  await local.stop();
}

/** PROFILE's database hits, summed over the whole plan. */
async function dbHits(session: Session, statement: string, parameters: Params): Promise<number> {
  const result = await session.run(`PROFILE ${statement}`, parameters);
  const sum = (plan: { dbHits?: number; children?: unknown[] } | false | undefined): number =>
    plan ? Number(plan.dbHits ?? 0) + (plan.children ?? []).reduce<number>((total, child) => total + sum(child as { dbHits?: number; children?: unknown[] }), 0) : 0;
  return sum(result.summary.profile as never);
}
