/**
 * `npm run ingest`: the CLI ingests files through the same code path as the mutation, against
 * the Neo4j that NEO4J_URI names, prints progress per file and a summary, and exits non-zero
 * with every problem listed when a file is bad (writing nothing from it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvironment, type TestServer } from './helpers/testServer.js';
import { graphCounts, retract, startWriteTestServer } from './helpers/writeHelpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturePath = path.join(root, 'tests/fixtures/second-report.json');
const FIXTURE_SOURCE = 'source:test-fixture-2026-03-03-standing-committee-meeting';

let server: TestServer;
let scratch: string;

beforeAll(async () => {
  server = await startWriteTestServer();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'officegraph-cli-'));
});

afterAll(async () => {
  if (server) {
    await retract(server, FIXTURE_SOURCE);
    await server.stop();
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Output with the varying parts (timings, sizes) replaced, so whole outputs can be compared. */
function stable(output: string): string {
  return output.replace(/\(\d+ ms\)/g, '(N ms)').replace(/reading [\d.]+ KiB/g, 'reading N KiB');
}

describe('npm run ingest', () => {
  it('ingests a file, prints progress and a summary, and a second run changes nothing', async () => {
    const before = await graphCounts(server);
    const first = await runCli([fixturePath]);
    expect({ code: first.code, stdout: stable(first.stdout) }).toEqual({
      code: 0,
      stdout: [
        '[1/1] tests/fixtures/second-report.json: reading N KiB',
        `[1/1] tests/fixtures/second-report.json: added ${FIXTURE_SOURCE}: entities 1 new, 6 matched; facts 5 new, 4 matched (N ms)`,
        'done: 1 file(s) ingested, 0 failed; entities 1 new, 6 matched; facts 5 new, 4 matched',
        '',
      ].join('\n'),
    });
    const afterFirst = await graphCounts(server);
    expect(afterFirst.nodes).toBeGreaterThan(before.nodes);
    const second = await runCli([fixturePath]);
    expect(second.code).toBe(0);
    expect(stable(second.stdout)).toContain(`already there, refreshed ${FIXTURE_SOURCE}: entities 0 new, 7 matched; facts 0 new, 9 matched`);
    expect(await graphCounts(server)).toEqual(afterFirst);
    const meeting = await server.graphql('{ event(id: "event:test-fixture-2026-03-03-jilin-party-standing-committee-meeting") { organizers { id } } }');
    expect(meeting.body).toEqual({ data: { event: { organizers: [{ id: 'org:cpc-jilin-provincial-committee' }] } } });
  });

  it('lists every problem of a bad file, writes nothing from it, still ingests the good ones and exits 1', async () => {
    const bad = JSON.parse(readFileSync(fixturePath, 'utf8'));
    bad.source.id = 'source:test-fixture-cli-bad';
    bad.facts[2].startDate = 'Feb 2026';
    bad.facts[3].quote = 'not in the text';
    const badPath = path.join(scratch, 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const before = await graphCounts(server);
    const result = await runCli([badPath, fixturePath]);
    expect(result.code).toBe(1);
    const badLabel = `[1/2] ${path.relative(root, badPath)}`;
    expect(stable(result.stdout).split('\n')).toEqual([
      `${badLabel}: reading N KiB`,
      `${badLabel}: NOT ingested, nothing was written`,
      '  facts[2].startDate: expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "Feb 2026"',
      '  facts[3].quote: does not occur in source.text, but got: "not in the text"',
      '[2/2] tests/fixtures/second-report.json: reading N KiB',
      `[2/2] tests/fixtures/second-report.json: already there, refreshed ${FIXTURE_SOURCE}: entities 0 new, 7 matched; facts 0 new, 9 matched (N ms)`,
      'done: 1 file(s) ingested, 1 failed; entities 0 new, 7 matched; facts 0 new, 9 matched',
      '',
    ]);
    expect(await graphCounts(server)).toEqual(before);
  });

  it('explains its usage when given no file', async () => {
    const result = await runCli([]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('usage: npm run ingest -- FILE_OR_DIRECTORY...') });
  });
});
