/**
 * Runs officegraph as a child process on a loopback port: src/cli/start.ts through tsx, or with
 * `built` the production command `node dist/src/cli/start.js` (after `npm run build`), so a load
 * run can measure the server's own memory and a test can signal or kill it. Used by
 * bench/soak.ts and the shutdown and durability tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server wrote, for failure messages. */
  output: string[];
  rssBytes(): number;
}

export interface StartServerOptions {
  readyTimeoutMs?: number;
  /** Run dist/src/cli/start.js, the production command, instead of the sources. */
  built?: boolean;
}

export async function startServerProcess(environment: Record<string, string>, options: StartServerOptions = {}): Promise<ServerProcess> {
  const { readyTimeoutMs = 120_000, built = false } = options;
  const port = await freePort();
  // As a user runs it: not with the NODE_ENV=test a test runner sets, which changes what libraries do.
  const { NODE_ENV: _testRunnerNodeEnv, ...inherited } = process.env;
  const entry = built ? [path.join(projectRoot, 'dist', 'src', 'cli', 'start.js')] : ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'start.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    env: { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...environment, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const endAt = Date.now() + readyTimeoutMs;
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`officegraph exited before it was ready:\n${output.join('\n')}`);
    if (Date.now() > endAt) {
      child.kill('SIGKILL');
      throw new Error(`officegraph was not ready within ${readyTimeoutMs} ms:\n${output.join('\n')}`);
    }
    const ready = await fetch(`${url}/ready`).then((response) => response.status === 200, () => false);
    if (ready) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  return { child, url, pid: child.pid!, exited, output, rssBytes: () => rssOf(child.pid!) };
}

/** Resident set size of a process, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kilobytes * 1024;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}
