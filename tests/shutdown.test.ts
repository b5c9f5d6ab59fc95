/**
 * Stopping the server as a service manager or a person does. The production command
 * (`node dist/src/cli/start.js`) drains in-flight requests on SIGTERM, closes the driver, stops
 * the local Neo4j and exits 0. A signal delivered twice within milliseconds (a service manager
 * signalling the process group, and npm passing the signal on) still drains; only a second
 * signal that comes later forces the exit, with code 1. `npm start` passes the signal on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import { REPEAT_WINDOW_MS, stopSignalPolicy } from '../src/cli/stopSignals.js';
import { projectRoot } from '../src/projectRoot.js';
import { largeDocument } from './helpers/largeDocument.js';

const root = projectRoot();
const children: ServerProcess[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-shutdown-'));

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);
}, 300_000);

afterAll(() => {
  for (const child of children) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const AUTH = { authorization: 'Bearer drain-token' };
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** Processes whose command line names `dataDir`: the local Neo4j, while it runs. */
function processesUsing(directory: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(directory);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Whether the process exists and has not exited (a zombie waiting for its parent has). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * A GraphQL request that stays in flight until `finish` sends the rest of its body: the server
 * has its headers, so a graceful stop must wait for it.
 */
async function heldRequest(url: string): Promise<{ finish(): Promise<{ status: number | null; body: unknown }> }> {
  const body = JSON.stringify({ query: '{ person(id: "person:huang-qiang") { name } }' });
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined); // a forced exit cuts it; the test looks at what arrived
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
  );
  await wait(300);
  return {
    async finish() {
      socket.write(body.slice(half));
      await closed;
      const [head = '', payload = ''] = received.split('\r\n\r\n');
      return { status: head ? Number(head.split(' ')[1]) : null, body: payload ? JSON.parse(payload) : null };
    },
  };
}

/**
 * SIGTERM, then as soon as the server says it is shutting down, SIGTERM again: two signals
 * milliseconds apart, as a service manager and npm deliver them, each handled on its own (sent
 * back to back, the kernel may merge them into one).
 */
async function doubleSigterm(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  const giveUpAt = Date.now() + 10_000;
  while (!server.output.some((line) => line.includes('SIGTERM: shutting down'))) {
    if (Date.now() > giveUpAt) throw new Error(`no shutdown line:\n${server.output.join('\n')}`);
    await wait(2);
  }
  server.child.kill('SIGTERM');
}

function testDatabase(): Record<string, string> {
  const neo4j = inject('neo4j');
  return { NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'info' };
}

describe('what a second signal means', () => {
  it('takes a repeat within the window as the same request, and a later one as "exit now"', () => {
    let now = 0;
    const decide = stopSignalPolicy(() => now);
    expect(decide('SIGTERM')).toEqual({ action: 'stop' });
    now = 3;
    expect(decide('SIGTERM')).toEqual({ action: 'repeat', afterMs: 3 });
    now = REPEAT_WINDOW_MS.SIGTERM + 1;
    expect(decide('SIGTERM')).toEqual({ action: 'force', afterMs: REPEAT_WINDOW_MS.SIGTERM + 1 });
  });

  it('lets a person force the exit with a second Ctrl-C sooner than a service manager', () => {
    let now = 0;
    const decide = stopSignalPolicy(() => now);
    expect(decide('SIGINT')).toEqual({ action: 'stop' });
    now = 2;
    expect(decide('SIGINT')).toEqual({ action: 'repeat', afterMs: 2 });
    now = 400;
    expect(decide('SIGINT')).toEqual({ action: 'force', afterMs: 400 });
    expect(REPEAT_WINDOW_MS.SIGINT).toBeLessThan(400);
  });
});

describe('the production command', () => {
  it('drains in-flight ingests on a SIGTERM delivered twice, stops the local Neo4j and exits 0', { timeout: 300_000 }, async () => {
    const server = await startServerProcess(
      { OFFICEGRAPH_WRITE_TOKEN: 'drain-token', OFFICEGRAPH_DATA_DIR: dataDir, OFFICEGRAPH_BOLT_PORT: '0', OFFICEGRAPH_NEO4J_HEAP: '512m', OFFICEGRAPH_NEO4J_PAGECACHE: '64m', LOG_LEVEL: 'info' },
      // A brand-new store: Neo4j starts and plans the seed queries from scratch, slowly on a busy machine.
      { built: true, readyTimeoutMs: 240_000 },
    );
    children.push(server);
    expect(processesUsing(dataDir)).toHaveLength(1);
    // Ingests keep Neo4j busy for a while: the signal comes while all of them are being written.
    const ingest = (tag: string) =>
      post(server.url, 'mutation I($d: JSON!) { ingestDocument(document: $d) { sourceId } }', { d: largeDocument(tag, 400) }, AUTH).then(
        async (response) => ({ status: response.status, body: await response.json() }),
      );
    expect((await ingest('warm')).status).toBe(200);
    let answered = 0;
    const tags = ['drain-a', 'drain-b', 'drain-c', 'drain-d'];
    const burst = tags.map((tag) => ingest(tag).finally(() => (answered += 1)));
    await wait(500);
    const answeredBeforeSignal = answered;
    await doubleSigterm(server);
    const answers = await Promise.all(burst.map((answer) => answer.catch((error: Error) => ({ error: String(error.cause ?? error) }))));
    expect(answeredBeforeSignal).toBeLessThan(tags.length);
    expect(answers, server.output.join('\n')).toEqual(tags.map((tag) => ({ status: 200, body: { data: { ingestDocument: { sourceId: `source:durable-${tag}` } } } })));
    expect(await server.exited, server.output.join('\n')).toEqual({ code: 0, signal: null });
    expect(server.output.join('\n')).toMatch(/SIGTERM again \d{1,3} ms after the first: taken as the same request/);
    // No new connections after exit, and the local Neo4j is gone too.
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it('keeps draining after a double SIGTERM for as long as a request is in flight', { timeout: 120_000 }, async () => {
    const server = await startServerProcess(testDatabase(), { built: true });
    children.push(server);
    const request = await heldRequest(server.url);
    await doubleSigterm(server);
    await wait(REPEAT_WINDOW_MS.SIGTERM + 500);
    expect(isRunning(server.pid), server.output.join('\n')).toBe(true);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(await request.finish()).toEqual({ status: 200, body: { data: { person: { name: 'Huang Qiang' } } } });
    expect(await server.exited, server.output.join('\n')).toEqual({ code: 0, signal: null });
    expect(server.output.join('\n')).toMatch(/SIGTERM again \d{1,3} ms after the first: taken as the same request/);
  });

  it('exits at once with code 1 on a second SIGTERM that comes after the window', { timeout: 120_000 }, async () => {
    const server = await startServerProcess(testDatabase(), { built: true });
    children.push(server);
    const request = await heldRequest(server.url);
    server.child.kill('SIGTERM');
    await wait(REPEAT_WINDOW_MS.SIGTERM + 500);
    expect(isRunning(server.pid), server.output.join('\n')).toBe(true);
    const secondAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(Date.now() - secondAt).toBeLessThan(2_000);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(server.output.join('\n')).toContain('SIGTERM again: exiting now');
    // The forced exit did not wait for it.
    expect(await request.finish()).toEqual({ status: null, body: null });
  });
});

describe('npm start', () => {
  it('passes a SIGTERM sent to its process group on to the server, which drains and exits 0', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const { NODE_ENV: _testRunnerNodeEnv, ...inherited } = process.env;
    // Its own process group, as a service manager runs it; the output is kept for failure messages.
    const npm = spawn('npm', ['start'], {
      cwd: root,
      detached: true,
      env: { ...inherited, ...testDatabase(), HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const url = `http://127.0.0.1:${port}`;
      const readyBy = Date.now() + 240_000;
      while (!(await fetch(`${url}/ready`).then((response) => response.ok, () => false))) {
        if (Date.now() > readyBy || npm.exitCode !== null) throw new Error(`npm start did not get ready:\n${output}`);
        await wait(250);
      }
      const server = Number(readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      expect(readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0')).toContain('dist/src/cli/start.js');
      const request = await heldRequest(url);
      process.kill(-npm.pid!, 'SIGTERM');
      await wait(REPEAT_WINDOW_MS.SIGTERM + 500);
      expect(isRunning(server), output).toBe(true);
      expect(await request.finish()).toEqual({ status: 200, body: { data: { person: { name: 'Huang Qiang' } } } });
      expect(await npmExited, output).toEqual({ code: 0, signal: null });
      expect(isRunning(server)).toBe(false);
      expect(output).toContain('SIGTERM: shutting down');
      expect(output).not.toContain('exiting now');
    } finally {
      if (npm.exitCode === null) process.kill(-npm.pid!, 'SIGKILL');
    }
  });
});
