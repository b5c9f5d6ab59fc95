/**
 * `npm run bench -- --persons N [--seed S] [--requests R] [--work DIR] [--quick]`: the three-way
 * benchmark in one run. Generates the graph (npm run generate) and loads it (import:bulk,
 * resumable: a loaded store is reused) into a local Neo4j in DIR, starts officegraph and
 * @neo4j/graphql as their own processes on loopback ports, checks on 40 parameter sets per
 * question that officegraph, hand-written Cypher and @neo4j/graphql answer alike (and lists any
 * difference), then times every question at concurrency 1, 8 and 32, the three sides
 * interleaved. Writes bench/results.json and prints the table of bench/RESULTS.md.
 * --quick: 2,000 persons, 40 requests per side; the results go to DIR only.
 * --skip PREFIX: leave out the questions whose name starts with PREFIX (repeatable).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { applySchema } from '../src/graph/applySchema.js';
import { GraphStore } from '../src/graph/graphStore.js';
import { loadQueries } from '../src/graph/queries.js';
import { importBulk, describeProgress } from '../src/bulk/importBulk.js';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { generateGraph } from './generateGraph.js';
import { startServerProcess } from './serverProcess.js';
import { QUESTIONS } from './threeWayQuestions.js';
import { compareAnswers, sampleGraph, timeQuestion, warmUp, type QuestionResults, type Side } from './threeWayRun.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] as string) : fallback;
};
const quick = args.includes('--quick');
const persons = Number(flag('--persons', quick ? '2000' : '100000'));
const seed = Number(flag('--seed', '1'));
const requests = Number(flag('--requests', quick ? '40' : '120'));
const work = path.resolve(flag('--work', path.join(os.tmpdir(), `officegraph-bench-${persons}-${seed}`)));
const CONCURRENCY = [1, 8, 32];
/** --skip PREFIX (repeatable): leave out the questions whose name starts with PREFIX. */
const skipped = args.flatMap((arg, index) => (args[index - 1] === '--skip' ? [arg] : []));
const ASKED = QUESTIONS.filter((question) => !skipped.some((prefix) => question.name.startsWith(prefix)));
const SIDES: Side[] = ['officegraph', 'cypher', 'neo4jGraphql'];
const log = (line: string) => process.stderr.write(`${line}\n`);

const dataDir = path.join(work, 'data');
if (!existsSync(path.join(dataDir, 'manifest.json'))) {
  log(`generating ${persons} persons into ${dataDir}`);
  generateGraph({ persons, seed, out: dataDir });
}
const local = await startLocalNeo4j({ dataDir: path.join(work, 'store'), boltPort: 0, heap: '2g', pageCache: quick ? '512m' : '1g', readyTimeoutMs: 600_000 });
const driver = neo4j.driver(local.uri, neo4j.auth.basic(local.username, local.password), { maxConnectionPoolSize: 100 });
const children: Array<{ kill(signal?: NodeJS.Signals): boolean }> = [];
try {
  const queries = loadQueries();
  const store = new GraphStore(driver, queries, { database: undefined, timeoutMs: 600_000 });
  await applySchema(store, queries);
  const importFile = path.join(work, 'import.json');
  let shown = 0;
  const imported = await importBulk(store, dataDir, {
    onProgress: (progress) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${describeProgress(progress)}\u001b[K`);
      else if (progress.elapsedMs - shown >= 10_000) {
        shown = progress.elapsedMs;
        log(describeProgress(progress));
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  log(`import: ${imported.batchesWritten} batches written, ${imported.batchesSkipped} already in`);
  if (imported.batchesWritten > 0 && imported.batchesSkipped === 0) {
    writeFileSync(importFile, JSON.stringify({ relationshipsPerSecond: Math.round(imported.relationshipsCreated / (imported.elapsedMs / 1000)), ...imported, manifest: undefined }, null, 2));
  }
  const importRecord = existsSync(importFile) ? (JSON.parse(readFileSync(importFile, 'utf8')) as { relationshipsPerSecond: number }) : null;
  const session = driver.session();
  // The facts: every relationship but the derived HOLDS_POST links (one per tenure, counted after start-up).
  const counts = (
    await session.run(
      `MATCH (n) WITH count(n) AS nodes
       CALL () { MATCH ()-[r]->() RETURN count(r) AS stored }
       CALL () { MATCH ()-[r:HOLDS_POST]->() RETURN count(r) AS links }
       RETURN nodes, stored - links AS relationships`,
    )
  ).records[0]!;
  await session.close();

  const environment = { NEO4J_URI: local.uri, NEO4J_USERNAME: local.username, NEO4J_PASSWORD: local.password };
  // Start-up may first rewrite the one-step tenure links of a store imported before they existed.
  const officegraph = await startServerProcess(
    { ...environment, OFFICEGRAPH_SEED: 'false', OFFICEGRAPH_MAX_COST: '100000000', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    { readyTimeoutMs: 900_000 },
  );
  children.push(officegraph.child);
  const library = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'neo4jGraphqlServer.ts')], { env: { ...process.env, ...environment }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(library);
  const neo4jGraphqlUrl = await new Promise<string>((resolve, reject) => {
    library.once('exit', (code) => reject(new Error(`@neo4j/graphql server exited with ${code}`)));
    createInterface({ input: library.stdout! }).on('line', (line) => {
      if (line.startsWith('NEO4J_GRAPHQL_READY ')) resolve(line.slice('NEO4J_GRAPHQL_READY '.length));
    });
  });
  const targets = { officegraphUrl: officegraph.url, neo4jGraphqlUrl, driver };
  // officegraph's start-up has written the links by now, also into a store imported before they existed.
  const linkSession = driver.session();
  const holdsPostLinks = Number((await linkSession.run('MATCH ()-[r:HOLDS_POST]->() RETURN count(r) AS links')).records[0]!.get('links'));
  await linkSession.close();

  const samples = await sampleGraph(driver);
  log('checking answers on 40 parameter sets per question');
  const differences = await compareAnswers(targets, samples, SIDES, 40, ASKED);
  for (const difference of differences.slice(0, 20)) log(`DIFFERENT ${difference.question} ${JSON.stringify(difference.params)} ${difference.side}: ${describeDifference(difference.got, difference.expected)}`);
  log(`${differences.length} differences`);
  await warmUp(targets, samples, SIDES, 5, ASKED);

  const load = os.loadavg();
  const results: Record<string, QuestionResults> = {};
  for (const concurrency of CONCURRENCY) {
    for (const question of ASKED) {
      const timing = await timeQuestion(question, targets, samples, SIDES, concurrency, requests);
      (results[question.name] ??= {})[String(concurrency)] = timing;
      log(`${question.name} @${concurrency}: ${SIDES.map((side) => `${side} p50 ${timing[side]?.p50} ms, ${timing[side]?.rps} rps`).join('; ')}`);
    }
  }
  const loadAfter = os.loadavg();
  const output = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${load.map((value) => value.toFixed(1)).join('/')} before timing, ${loadAfter.map((value) => value.toFixed(1)).join('/')} after`,
    graph: { persons, nodes: Number(counts.get('nodes')), relationships: Number(counts.get('relationships')), holdsPostLinks },
    import: { relationshipsPerSecond: importRecord?.relationshipsPerSecond ?? null },
    answers: { parameterSetsPerQuestion: 40, differences: differences.length, firstDifferences: differences.slice(0, 5) },
    requestsPerSidePerCell: requests,
    versions: {
      node: process.version,
      neo4j: '5.26.30 Community (embedded)',
      '@neo4j/graphql': JSON.parse(readFileSync(path.join(here, '..', 'node_modules', '@neo4j', 'graphql', 'package.json'), 'utf8')).version,
      'neo4j-driver': JSON.parse(readFileSync(path.join(here, '..', 'node_modules', 'neo4j-driver', 'package.json'), 'utf8')).version,
    },
    queries: results,
    rssMB: Math.round(officegraph.rssBytes() / 2 ** 20),
  };
  const file = quick ? path.join(work, 'results.json') : path.join(here, 'results.json');
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote ${file}`);
  process.stdout.write(`${table(output.queries)}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((done) => setTimeout(done, 1000));
  await driver.close();
  await local.stop();
}

/** The Markdown table of bench/RESULTS.md: p50 (p99) per side, ratios to the Cypher floor, requests/s. */
export function table(queries: Record<string, QuestionResults>): string {
  const lines = [
    '| question | conc. | officegraph p50 / p95 / p99 ms | Cypher p50 / p95 / p99 ms | @neo4j/graphql p50 / p95 / p99 ms | officegraph ÷ Cypher p50 | rps officegraph / Cypher / @neo4j/graphql |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, byConcurrency] of Object.entries(queries)) {
    for (const [concurrency, sides] of Object.entries(byConcurrency)) {
      const cell = (side: Side) => (sides[side] ? `${sides[side]!.p50} / ${sides[side]!.p95} / ${sides[side]!.p99}` : '–');
      const ratio = sides.officegraph && sides.cypher ? (sides.officegraph.p50 / sides.cypher.p50).toFixed(2) : '–';
      const rps = SIDES.map((side) => sides[side]?.rps ?? '–').join(' / ');
      lines.push(`| ${name} | ${concurrency} | ${cell('officegraph')} | ${cell('cypher')} | ${cell('neo4jGraphql')} | ${ratio} | ${rps} |`);
    }
  }
  return lines.join('\n');
}

/** Where two answers part: the first differing list item or field, with its path, rather than two long prefixes. */
function describeDifference(got: unknown, expected: unknown, at = ''): string {
  if (Array.isArray(got) && Array.isArray(expected)) {
    const index = Array.from({ length: Math.max(got.length, expected.length) }, (_, i) => i).find((i) => JSON.stringify(got[i]) !== JSON.stringify(expected[i]));
    if (index !== undefined) return describeDifference(got[index], expected[index], `${at}[${index}] (lengths ${got.length} vs ${expected.length})`);
  } else if (got && expected && typeof got === 'object' && typeof expected === 'object') {
    const key = [...new Set([...Object.keys(got), ...Object.keys(expected)])].find(
      (name) => JSON.stringify((got as Record<string, unknown>)[name]) !== JSON.stringify((expected as Record<string, unknown>)[name]),
    );
    if (key !== undefined) return describeDifference((got as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${at}.${key}`);
  }
  return `at ${at || 'top'}: ${JSON.stringify(got)?.slice(0, 400)} vs officegraph ${JSON.stringify(expected)?.slice(0, 400)}`;
}
