/**
 * npm run generate and npm run import:bulk: the generator is deterministic and national-size
 * (relationships grow linearly with persons), and the bulk import loads a data set whole, with
 * evidence on every fact and the stored tenure intervals, resumes after an interruption without
 * writing a batch twice, and changes nothing the second time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/generateGraph.js';
import { importBulk } from '../src/bulk/importBulk.js';
import { tenureIntervals } from '../src/model/tenureIntervals.js';
import { tenuresAndLinks } from './helpers/holdsPostLinks.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const SEED = 901;
const TAG = `g${SEED}-`;
let server: TestServer;
let directory: string;

async function cypher(statement: string, params: Record<string, unknown> = {}) {
  const session = server.app.store.driver.session();
  try {
    return (await session.run(statement, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** Nodes and relationships (facts, not the derived HOLDS_POST links) of this data set (ids under its tag) and its checkpoints. */
async function counts() {
  const [row] = await cypher(
    `MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id CONTAINS $tag
     OPTIONAL MATCH (n)-[r]->() WHERE type(r) <> 'HOLDS_POST'
     RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`,
    { prefix: `generated-400-${SEED}/`, tag: `:${TAG}` },
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

beforeAll(async () => {
  server = await startTestServer({ OFFICEGRAPH_SEED: 'false' });
  directory = mkdtempSync(path.join(tmpdir(), 'officegraph-bulk-'));
});
afterAll(async () => {
  if (server) {
    await cypher(`MATCH (n) WHERE n.id CONTAINS $tag OR n.id STARTS WITH $prefix CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`, {
      tag: `:${TAG}`,
      prefix: `generated-400-${SEED}/`,
    });
    await server.stop();
  }
  rmSync(directory, { recursive: true, force: true });
});

describe('npm run generate', () => {
  it('writes the same bytes for the same persons and seed, and relationships grow with persons', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'officegraph-bulk-'));
    try {
      const first = generateGraph({ persons: 400, seed: SEED, out: directory });
      const again = generateGraph({ persons: 400, seed: SEED, out: other });
      expect(again).toEqual(first);
      for (const file of ['entities.ndjson', 'tenures.ndjson', 'sources.ndjson']) {
        expect(readFileSync(path.join(other, file), 'utf8')).toBe(readFileSync(path.join(directory, file), 'utf8'));
      }
      // At least 10 relationships per person, so 100,000 persons give at least 1,000,000.
      expect(first.relationships).toBeGreaterThanOrEqual(first.persons * 10);
      const bigger = generateGraph({ persons: 4000, seed: SEED, out: other });
      expect(bigger.relationships).toBeGreaterThanOrEqual(bigger.persons * 10);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('states posts with one and with several seats, successions, partial and missing dates, and several sources per fact', () => {
    const lines = (file: string) =>
      readFileSync(path.join(directory, file), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    const entities = lines('entities.ndjson');
    const tenures = lines('tenures.ndjson');
    const seats = new Set(entities.filter((e) => e.kind === 'POST').map((e) => e.properties.seats ?? null));
    expect(seats).toEqual(new Set([1, 3, 60, null]));
    expect(new Set(entities.map((e) => e.kind))).toEqual(new Set(['POLICY_THEME', 'PLACE', 'PERSON', 'ORGANIZATION', 'POST', 'EVENT', 'DOCUMENT']));
    expect(tenures.some((t) => t.startDate === null)).toBe(true);
    expect(tenures.some((t) => /^\d{4}$/.test(t.startDate ?? ''))).toBe(true);
    expect(tenures.some((t) => /^\d{4}-\d{2}$/.test(t.startDate ?? ''))).toBe(true);
    expect(tenures.some((t) => t.termEnd !== null && t.endDate === null)).toBe(true);
    expect(tenures.some((t) => t.sourceIds.length >= 2)).toBe(true);
    expect(lines('successions.ndjson').length).toBeGreaterThan(0);
    expect(lines('participations.ndjson').length).toBeGreaterThan(0);
  });
});

describe('npm run import:bulk', () => {
  it('resumes an interrupted import without writing a batch twice, then loads everything the manifest says', async () => {
    const interrupted = importBulk(server.app.store, directory, {
      batchSize: 500,
      afterBatch: (stage, batch) => {
        if (stage === 'tenures' && batch === 1) throw new Error('stopped after the second tenure batch');
      },
    });
    await expect(interrupted).rejects.toThrow('stopped after the second tenure batch');
    const partial = await counts();
    expect(partial.nodes).toBeGreaterThan(0);

    const resumed = await importBulk(server.app.store, directory, { batchSize: 500 });
    const manifest = resumed.manifest;
    // sources, entities, relations and the first two tenure batches were in already.
    const already = ['sources', 'entities', 'relations'].reduce((sum, stage) => sum + Math.ceil(manifest.records[stage as 'sources'] / 500), 0) + 2;
    expect(resumed.batchesSkipped).toBe(already);
    const full = await counts();
    const batches = resumed.batchesSkipped + resumed.batchesWritten;
    expect(full).toEqual({ nodes: manifest.nodes + batches, relationships: manifest.relationships });
  });

  it('changes nothing the second time, even with another batch size', async () => {
    const before = await counts();
    const again = await importBulk(server.app.store, directory, { batchSize: 500 });
    expect(again.batchesWritten).toBe(0);
    expect(again.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    const rebatched = await importBulk(server.app.store, directory, { batchSize: 700 });
    expect(rebatched.batchesWritten).toBeGreaterThan(0);
    expect(rebatched.nodesCreated).toBe(0);
    expect(rebatched.relationshipsCreated).toBe(0);
    // Only the new batches' checkpoints are new.
    expect(await counts()).toEqual({ nodes: before.nodes + rebatched.batchesWritten, relationships: before.relationships });
  });

  it('keeps evidence on every fact and every entity, quoting its source', async () => {
    const [missing] = await cypher(
      `MATCH (n:Entity) WHERE n.id CONTAINS $tag AND NOT n:Source AND NOT EXISTS { (:Source)-[:MENTIONS]->(n) } RETURN count(n) AS entities`,
      { tag: `:${TAG}` },
    );
    expect(Number(missing?.entities)).toBe(0);
    const [bare] = await cypher(
      `MATCH (a)-[r]->(b) WHERE a.id CONTAINS $tag AND NOT type(r) IN ['MENTIONS', 'HOLDS', 'OF_POST', 'HOLDS_POST'] AND (r.evidence IS NULL OR size(r.evidence) = 0)
       RETURN count(r) AS facts`,
      { tag: `:${TAG}` },
    );
    expect(Number(bare?.facts)).toBe(0);
    const sample = await cypher(
      `MATCH (t:Tenure) WHERE t.id CONTAINS $tag WITH t ORDER BY t.id LIMIT 50
       UNWIND t.evidence AS entry RETURN entry`,
      { tag: `:${TAG}` },
    );
    for (const { entry } of sample) {
      const { s, q } = JSON.parse(String(entry)) as { s: string; q: string };
      const [source] = await cypher('MATCH (s:Source {id: $id}) RETURN s.text AS text', { id: s });
      expect(String(source?.text)).toContain(q);
    }
  });

  it('stores the intervals the one tenure rule gives', async () => {
    // Nearly every tenure is dated (a few are first attested after their stated end: held on no day).
    const [dated] = await cypher(`MATCH (t:Tenure) WHERE t.id CONTAINS $tag RETURN count(t.heldFrom) * 1.0 / count(t) AS share`, { tag: `:${TAG}` });
    expect(Number(dated?.share)).toBeGreaterThan(0.9);
    const posts = await cypher(`MATCH (p:Post) WHERE p.id CONTAINS $tag RETURN p.id AS id ORDER BY id`, { tag: `:${TAG}` });
    const rows = await server.app.store.read('tenure_interval_inputs', { postIds: posts.map((row) => String(row.id)), tenureIds: [] });
    expect(rows.length).toBe(posts.length);
    const stored = new Map(
      (await cypher(`MATCH (t:Tenure) WHERE t.id CONTAINS $tag RETURN t.id AS id, t.heldFrom AS heldFrom, t.heldTo AS heldTo, t.endBasis AS endBasis`, { tag: `:${TAG}` })).map(
        (row) => [String(row.id), { heldFrom: row.heldFrom ?? null, heldTo: row.heldTo ?? null, endBasis: row.endBasis ?? null }],
      ),
    );
    const bases = new Set<string | null>();
    for (const row of rows) {
      for (const interval of tenureIntervals(row.seats ?? null, row.tenures.map((t) => ({ ...t, startDate: t.startDate ?? null, endDate: t.endDate ?? null, termEnd: t.termEnd ?? null })))) {
        expect(stored.get(interval.id)).toEqual({ heldFrom: interval.heldFrom, heldTo: interval.heldTo, endBasis: interval.endBasis });
        bases.add(interval.endBasis);
      }
    }
    expect(bases).toEqual(new Set(['STATED', 'SUCCESSOR', 'TERM', 'NEXT_HOLDER', null]));
    // And the one-step links the path search uses: one per tenure, with its held days.
    const { tenures, links } = await tenuresAndLinks(server.app.driver, `tenure:${TAG}`);
    expect(tenures.length).toBe(stored.size);
    expect(links).toEqual(tenures);
  });
});
