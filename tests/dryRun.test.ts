/**
 * Dry runs of ingest: the same validation and writes in a transaction that is rolled back.
 * The graph is left exactly as it was, and the answer names new and matched entities, new
 * facts, facts that would gain evidence, and tenure intervals that would move; a real ingest
 * afterwards does what the dry run said.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromInput } from '../src/ingest/documentFromInput.js';
import { testEnvironment, type TestServer } from './helpers/testServer.js';
import { AUTH, graphCounts, ingest, retract, startWriteTestServer } from './helpers/writeHelpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = JSON.parse(readFileSync(path.join(root, 'seeds/000_jilin-foreign-affairs-committee-plenary.json'), 'utf8'));
const secondReport = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/second-report.json'), 'utf8'));
const SECOND_SOURCE = 'source:test-fixture-2026-03-03-standing-committee-meeting';
const SECRETARY_TENURE = 'tenure:huang-qiang--secretary-of-the-jilin-provincial-party-committee--undated';

const CHANGES = `changes {
  entitiesCreated entitiesMatched
  factsCreated { id type source target role } factsGainingEvidence { id type } factsUnchanged { id type }
  intervalsMoved { tenure person post before { effectiveStart effectiveEnd heldFrom heldTo } after { effectiveStart effectiveEnd heldFrom heldTo } }
}`;
const DRY_DOCUMENT = `mutation ($document: JSON!) {
  ingestDocument(document: $document, dryRun: true) { sourceId sourceCreated dryRun entities { created matched } facts { created matched } nodesCreated ${CHANGES} }
}`;
const DRY_INPUT = `mutation ($input: IngestInput!) {
  ingest(input: $input, dryRun: true) { sourceId dryRun entities { created matched } facts { created matched } ${CHANGES} }
}`;

let server: TestServer;
let scratch: string;
beforeAll(async () => {
  server = await startWriteTestServer();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'officegraph-dry-run-'));
});
afterAll(async () => {
  if (server) {
    await retract(server, SECOND_SOURCE);
    await retract(server, 'source:dry-run-office-2020');
    await server.stop();
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a dry run', () => {
  it('of the seed again: everything matched, nothing new, no interval moves, and the graph untouched', async () => {
    const before = await graphCounts(server);
    const response = await server.graphql(DRY_DOCUMENT, { document: seed }, AUTH);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data?.ingestDocument;
    expect(result).toMatchObject({ sourceCreated: false, dryRun: true, entities: { created: 0, matched: 31 }, facts: { created: 0, matched: 41 }, nodesCreated: 0 });
    expect(result.changes.entitiesCreated).toEqual([]);
    expect(result.changes.entitiesMatched).toHaveLength(31);
    expect(result.changes.factsCreated).toEqual([]);
    expect(result.changes.factsGainingEvidence).toEqual([]);
    expect(result.changes.factsUnchanged).toHaveLength(41);
    expect(result.changes.intervalsMoved).toEqual([]);
    expect(await graphCounts(server)).toEqual(before);
  });

  it('of a second report: new entities and facts, evidence added to the seed facts, and the graph untouched; then ingest does just that', async () => {
    const before = await graphCounts(server);
    const response = await server.graphql(DRY_INPUT, { input: secondReport }, AUTH);
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data?.ingest;
    const meeting = 'event:test-fixture-2026-03-03-jilin-party-standing-committee-meeting';
    expect(result).toEqual({
      sourceId: SECOND_SOURCE,
      dryRun: true,
      entities: { created: 1, matched: 6 },
      facts: { created: 5, matched: 4 },
      changes: {
        entitiesCreated: [meeting],
        entitiesMatched: [
          'person:huang-qiang',
          'person:hu-yuting',
          'org:cpc-jilin-provincial-committee',
          'org:jilin-provincial-peoples-government',
          'post:secretary-of-the-jilin-provincial-party-committee',
          'post:governor-of-jilin-province',
        ],
        factsCreated: [
          { id: `organized_by:${meeting}->org:cpc-jilin-provincial-committee`, type: 'ORGANIZED_BY', source: meeting, target: 'org:cpc-jilin-provincial-committee', role: null },
          { id: `referenced:${meeting}->event:2027-changchun-winter-universiade`, type: 'REFERENCED', source: meeting, target: 'event:2027-changchun-winter-universiade', role: null },
          { id: `addressed:${meeting}->theme:15th-five-year-plan`, type: 'ADDRESSED', source: meeting, target: 'theme:15th-five-year-plan', role: null },
          { id: `participated_in:person:huang-qiang->${meeting}:presided`, type: 'PARTICIPATED_IN', source: 'person:huang-qiang', target: meeting, role: 'PRESIDED' },
          { id: `participated_in:person:hu-yuting->${meeting}:attended`, type: 'PARTICIPATED_IN', source: 'person:hu-yuting', target: meeting, role: 'ATTENDED' },
        ],
        factsGainingEvidence: [
          { id: SECRETARY_TENURE, type: 'HOLDS' },
          { id: 'tenure:hu-yuting--governor-of-jilin-province--undated', type: 'HOLDS' },
          { id: 'post_of:post:secretary-of-the-jilin-provincial-party-committee->org:cpc-jilin-provincial-committee', type: 'POST_OF' },
          { id: "post_of:post:governor-of-jilin-province->org:jilin-provincial-peoples-government", type: 'POST_OF' },
        ],
        factsUnchanged: [],
        // A later source attests the same tenures: their start (earliest attestation) stays.
        intervalsMoved: [],
      },
    });
    expect(await graphCounts(server)).toEqual(before);
    expect((await server.graphql(`{ event(id: "${meeting}") { id } }`)).body.data).toEqual({ event: null });

    const real = await server.graphql(`mutation ($input: IngestInput!) { ingest(input: $input) { dryRun entities { created matched } facts { created matched } changes { entitiesCreated } } }`, { input: secondReport }, AUTH);
    expect(real.body.data?.ingest).toEqual({ dryRun: false, entities: { created: 1, matched: 6 }, facts: { created: 5, matched: 4 }, changes: null });
  });

  it('says which stored tenure intervals a new holder of a one-seat post would move', async () => {
    const office = (id: string, published: string, person: string, start: string) => ({
      source: { id, name: `[TEST] ${id}`, publisher: 'officegraph tests', publishedDate: published, language: 'en', text: `${person} became Chair of the Dry Run Office in ${start}.` },
      entities: [
        { kind: 'PERSON', ref: 'p', name: person, quote: person },
        { kind: 'ORGANIZATION', ref: 'o', name: 'Dry Run Office', orgType: 'AGENCY', quote: 'Dry Run Office' },
        { kind: 'POST', ref: 'chair', name: 'Chair of the Dry Run Office', role: 'Chair', seats: 1, quote: 'Chair of the Dry Run Office' },
      ],
      facts: [
        { type: 'POST_OF', from: 'chair', to: 'o', quote: 'Chair of the Dry Run Office' },
        { type: 'TENURE', person: 'p', post: 'chair', startDate: start, quote: `${person} became Chair of the Dry Run Office in ${start}.` },
      ],
    });
    expect((await ingest(server, office('source:dry-run-office-2020', '2020-01-05', 'Dryrun First', '2020'))).body.errors).toBeUndefined();
    const before = await graphCounts(server);
    const response = await server.graphql(DRY_DOCUMENT, { document: office('source:dry-run-office-2024', '2024-03-01', 'Dryrun Second', '2024') }, AUTH);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.ingestDocument.changes.intervalsMoved).toEqual([
      {
        tenure: 'tenure:dryrun-first--chair-of-the-dry-run-office--2020',
        person: 'person:dryrun-first',
        post: 'post:chair-of-the-dry-run-office',
        before: { effectiveStart: '2020', effectiveEnd: null, heldFrom: '2020-01-01', heldTo: null },
        after: { effectiveStart: '2020', effectiveEnd: '2024', heldFrom: '2020-01-01', heldTo: '2023-12-31' },
      },
      {
        tenure: 'tenure:dryrun-second--chair-of-the-dry-run-office--2024',
        person: 'person:dryrun-second',
        post: 'post:chair-of-the-dry-run-office',
        before: null,
        after: { effectiveStart: '2024', effectiveEnd: null, heldFrom: '2024-01-01', heldTo: null },
      },
    ]);
    expect(await graphCounts(server)).toEqual(before);
  });

  it('validates exactly as an ingest does, and needs the write token', async () => {
    const bad = { ...seed, facts: [{ type: 'TENURE', person: 'huang-qiang', post: 'nowhere', quote: 'not in the text' }] };
    const dry = await server.graphql(DRY_DOCUMENT, { document: bad }, AUTH);
    const real = await server.graphql(`mutation ($document: JSON!) { ingestDocument(document: $document) { sourceId } }`, { document: bad }, AUTH);
    expect(dry.body.errors?.[0]?.extensions).toEqual(real.body.errors?.[0]?.extensions);
    expect(dry.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await server.graphql(DRY_DOCUMENT, { document: seed });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(documentFromInput({ a: null, b: [1] })).toEqual({ b: [1] });
  });

  it('npm run ingest -- --dry-run lists what would change and writes nothing', async () => {
    const file = path.join(scratch, 'office.json');
    const document = JSON.parse(JSON.stringify(seed));
    document.source.id = 'source:dry-run-cli-copy';
    writeFileSync(file, JSON.stringify(document));
    const before = await graphCounts(server);
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--dry-run', file], {
        cwd: root,
        env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/\(\d+ ms\)/g, '(N ms)').split('\n');
    expect(lines[1]).toBe(`[1/1] ${path.relative(root, file)}: DRY RUN, nothing written: would have added source:dry-run-cli-copy: entities 0 new, 31 matched; facts 0 new, 41 matched (N ms)`);
    expect(lines).toContain(`  matched entity person:huang-qiang`);
    expect(lines).toContain(`  evidence added to HOLDS person:huang-qiang -> post:secretary-of-the-jilin-provincial-party-committee`);
    expect(lines.at(-2)).toBe('done (dry run, nothing written): 1 file(s) checked, 0 failed; entities 0 new, 31 matched; facts 0 new, 41 matched');
    expect(await graphCounts(server)).toEqual(before);
  });
});
