/**
 * Soak: N concurrent clients on loopback send mixed reads and ingests to an officegraph server
 * process for a fixed time; every failed request is counted and the server's RSS after warm-up
 * is compared with its RSS at the end. Bounded: stops by itself.
 *
 *   npx tsx bench/soak.ts                      # full mode: 3 minutes, 32 clients
 *   SOAK_SECONDS=20 SOAK_CLIENTS=16 npx tsx bench/soak.ts
 *
 * Uses NEO4J_URI (with NEO4J_USERNAME/NEO4J_PASSWORD) when set, else a local Neo4j in a fresh
 * temporary directory. Writes the figures to bench/RESULTS-soak.md (full mode) and stdout.
 * Every source it ingests is retracted again at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { startServerProcess } from './serverProcess.js';

export interface SoakOptions {
  neo4j: { uri: string; username: string; password: string };
  seconds: number;
  clients: number;
  /** Share of requests that are ingests, 0–1. */
  ingestShare?: number;
}

export interface SoakReport {
  seconds: number;
  clients: number;
  requests: number;
  reads: number;
  ingests: number;
  failed: number;
  failures: string[];
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  rssAfterWarmUpMb: number;
  rssAtEndMb: number;
  rssPeakMb: number;
  rssGrowthPercent: number;
}

const TOKEN = 'soak-write-token';

const READS = [
  { query: '{ person(id: "person:huang-qiang") { name tenures { post { name organization { name } } evidence { quote } } } }' },
  { query: 'query S($text: String!) { search(text: $text, first: 10) { entity { id name } score } }', variables: { text: 'Jilin' } },
  { query: 'query S($text: String!) { search(text: $text, first: 10) { entity { id name } } }', variables: { text: '黄强' } },
  { query: '{ neighborhood(id: "person:huang-qiang", depth: 2, limit: 100) { nodes { id label } edges { id type } truncated } }' },
  { query: '{ roleHolders(post: "post:director-of-the-jilin-provincial-foreign-affairs-committee") { person { name } startDate } }' },
];

function soakDocument(client: number, iteration: number) {
  const name = `Soak Person ${client}-${iteration}`;
  const org = `Soak Bureau ${client}`;
  const text = `${name} was appointed Director of the ${org}.`;
  return {
    source: {
      id: `source:soak-${client}-${iteration}`,
      name: `Soak report ${client}-${iteration}`,
      publisher: 'Soak Wire',
      publishedDate: '2026-03-01',
      language: 'en',
      text,
    },
    entities: [
      { ref: 'p', kind: 'PERSON', name, quote: name },
      { ref: 'o', kind: 'ORGANIZATION', name: org, quote: org },
      { ref: 'd', kind: 'POST', name: `Director of the ${org}`, role: 'Director', quote: `Director of the ${org}` },
    ],
    facts: [
      { type: 'POST_OF', from: 'd', to: 'o', quote: `Director of the ${org}` },
      { type: 'TENURE', person: 'p', post: 'd', startDate: '2026-03', quote: text },
    ],
  };
}

const INGEST = 'mutation I($document: JSON!) { ingestDocument(document: $document) { sourceId } }';
const RETRACT = 'mutation R($id: ID!) { retractSource(id: $id) { __typename } }';

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const ingestShare = options.ingestShare ?? 0.2;
  const environment = {
    NEO4J_URI: options.neo4j.uri,
    NEO4J_USERNAME: options.neo4j.username,
    NEO4J_PASSWORD: options.neo4j.password,
    OFFICEGRAPH_WRITE_TOKEN: TOKEN,
    OFFICEGRAPH_SEED: 'true',
  };
  // On a slow machine the very first seed load into a fresh store (every plan cold) can exceed
  // the query timeout; a second start finds the plans cached.
  const server = await startServerProcess(environment).catch(() => startServerProcess(environment));
  const send = async (query: string, variables: Record<string, unknown>, write: boolean) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(write ? { authorization: `Bearer ${TOKEN}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (response.status !== 200 || body.errors) {
      throw new Error(`${response.status} ${(body.errors ?? []).map((error) => `${error.extensions?.code}: ${error.message}`).join('; ')}`);
    }
  };

  // Plan every query once before the clock starts: a cold Cypher plan cache is start-up, not load.
  for (const read of READS) await send(read.query, read.variables ?? {}, false);
  await send(INGEST, { document: soakDocument(-1, 0) }, true);
  await send(RETRACT, { id: soakDocument(-1, 0).source.id }, true);

  const latencies: number[] = [];
  const failures: string[] = [];
  const ingested: string[] = [];
  let reads = 0;
  let ingests = 0;
  let failuresCount = 0;
  const startedAt = Date.now();
  const endAt = startedAt + options.seconds * 1000;
  const warmUpMs = Math.max(5_000, options.seconds * 300);
  let rssAfterWarmUp = 0;
  let rssPeak = 0;
  const sampler = setInterval(() => {
    const rss = server.rssBytes();
    rssPeak = Math.max(rssPeak, rss);
    if (rssAfterWarmUp === 0 && Date.now() - startedAt >= warmUpMs) rssAfterWarmUp = rss;
  }, 500);

  const client = async (index: number) => {
    for (let iteration = 0; Date.now() < endAt; iteration++) {
      const ingest = (iteration * 7919 + index * 104_729) % 100 < ingestShare * 100;
      const began = performance.now();
      try {
        if (ingest) {
          const document = soakDocument(index, iteration);
          await send(INGEST, { document }, true);
          ingested.push(document.source.id);
          ingests += 1;
        } else {
          const read = READS[(index + iteration) % READS.length]!;
          await send(read.query, read.variables ?? {}, false);
          reads += 1;
        }
      } catch (error) {
        if (failures.length < 20) failures.push((error as Error).message);
        failuresCount += 1;
      }
      latencies.push(performance.now() - began);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  } finally {
    clearInterval(sampler);
  }
  const rssAtEnd = server.rssBytes();
  const elapsedSeconds = (Date.now() - startedAt) / 1000;

  // Leave the graph as it was: take every soak source back.
  const queue = [...ingested];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) await send(RETRACT, { id }, true);
    }),
  );
  server.child.kill('SIGTERM');
  await server.exited;

  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0);
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    seconds: Math.round(elapsedSeconds),
    clients: options.clients,
    requests: latencies.length,
    reads,
    ingests,
    failed: failuresCount,
    failures,
    requestsPerSecond: Math.round(latencies.length / elapsedSeconds),
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) },
    rssAfterWarmUpMb: mb(rssAfterWarmUp),
    rssAtEndMb: mb(rssAtEnd),
    rssPeakMb: mb(rssPeak),
    rssGrowthPercent: Math.round(((rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp) * 1000) / 10,
  };
}

export function reportMarkdown(report: SoakReport): string {
  return [
    `| figure | value |`,
    `|---|---|`,
    `| duration | ${report.seconds} s |`,
    `| concurrent clients | ${report.clients} |`,
    `| requests (reads + ingests) | ${report.requests} (${report.reads} + ${report.ingests}) |`,
    `| failed requests | ${report.failed} |`,
    `| throughput | ${report.requestsPerSecond} requests/s |`,
    `| latency p50 / p95 / p99 / max | ${report.latencyMs.p50} / ${report.latencyMs.p95} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms |`,
    `| server RSS after warm-up → end (peak) | ${report.rssAfterWarmUpMb} MB → ${report.rssAtEndMb} MB (${report.rssPeakMb} MB) |`,
    `| RSS growth | ${report.rssGrowthPercent} % |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 180);
  const clients = Number(process.env.SOAK_CLIENTS ?? 32);
  let neo4j = process.env.NEO4J_URI
    ? { uri: process.env.NEO4J_URI, username: process.env.NEO4J_USERNAME ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' }
    : undefined;
  let cleanup = async () => undefined as void;
  if (!neo4j) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-soak-'));
    const local = await startLocalNeo4j({ dataDir, boltPort: 0, heap: '1g', pageCache: '256m' });
    neo4j = { uri: local.uri, username: local.username, password: local.password };
    cleanup = async () => {
      await local.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  try {
    process.stdout.write(`Soak: ${seconds} s, ${clients} clients…\n`);
    const report = await runSoak({ neo4j, seconds, clients });
    const table = reportMarkdown(report);
    process.stdout.write(`${table}\n${report.failures.length ? `failures:\n${report.failures.join('\n')}\n` : ''}`);
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS-soak.md');
    const machine = `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
    writeFileSync(
      file,
      `# Soak results\n\n\`npx tsx bench/soak.ts\` (SOAK_SECONDS=${seconds}, SOAK_CLIENTS=${clients}), ${new Date().toISOString().slice(0, 10)}, on ${machine}; ` +
        `server and local Neo4j on the same machine, loopback. Mix: 80 % reads (person with tenures and evidence, search in Latin and Chinese ` +
        `script, 2-hop neighborhood, role holders), 20 % ingests of small documents; every ingested source retracted afterwards.\n\n${table}\n`,
    );
    process.exitCode = report.failed === 0 && report.rssGrowthPercent <= 20 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
