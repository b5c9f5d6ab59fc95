/**
 * Logs for people and for machines: the server prints short human lines (time, level, message)
 * when its stdout is a terminal and JSON lines when it is not, or when LOG_FORMAT=json says so.
 * The terminal is a real pseudo-terminal (util-linux `script`), and a person's Ctrl-C goes
 * through it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { chooseLogFormat, formatLogLine } from '../src/logger.js';
import { projectRoot } from '../src/projectRoot.js';
import { testEnvironment } from './helpers/testServer.js';

const READY = /officegraph is ready: GraphQL at (http:\/\/localhost:\d+)\/graphql, explorer at \1\/explore; database: Neo4j at bolt:\/\/[^\s@]+ as user \S+$/;
const CLOCK = /^\d\d:\d\d:\d\d /;

describe('choosing the format', () => {
  it('prints for people on a terminal and for machines elsewhere, unless LOG_FORMAT says which', () => {
    expect([
      chooseLogFormat('auto', true),
      chooseLogFormat('auto', false),
      chooseLogFormat('json', true),
      chooseLogFormat('pretty', false),
    ]).toEqual(['pretty', 'json', 'json', 'pretty']);
  });

  it('reads LOG_FORMAT from the environment, auto by default', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT: .*auto.*json.*pretty.*, but got: "yaml"/);
  });
});

describe('a human line', () => {
  const time = new Date(2026, 1, 11, 9, 5, 7).getTime();

  it('has the local time, the level and the message, then the other fields', () => {
    const line = formatLogLine({ level: 30, time, pid: 1, hostname: 'h', service: 'officegraph', msg: 'graphql request', requestId: 'r-1', durationMs: 3.1, errorCodes: ['TIMEOUT'], operationName: 'Two words' });
    expect(line).toBe('09:05:07 INFO  graphql request requestId=r-1 durationMs=3.1 errorCodes=["TIMEOUT"] operationName="Two words"');
  });

  it('puts an error’s stack on indented lines below, and colours only the level when asked', () => {
    const line = formatLogLine({ level: 50, time, msg: 'export failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (x.ts:1)' } });
    expect(line).toBe('09:05:07 ERROR export failed\n    Error: boom\n        at f (x.ts:1)');
    expect(formatLogLine({ level: 40, time, msg: 'careful' }, true)).toBe('09:05:07 \u001b[33mWARN \u001b[0m careful');
  });
});

/** Runs the server, on a pseudo-terminal or with piped stdout, until its ready line; then stops it with Ctrl-C (or SIGINT). */
async function runServer(terminal: boolean, environment: Record<string, string>): Promise<{ output: string; exit: { code: number | null; signal: NodeJS.Signals | null } }> {
  const root = projectRoot();
  const command = [process.execPath, '--import', 'tsx', path.join(root, 'src', 'cli', 'start.ts')];
  const env = { ...process.env, ...testEnvironment({ LOG_LEVEL: 'info', OFFICEGRAPH_SEED: 'false', ...environment }) };
  // As a person runs it: with colours, and without the test runner's NODE_ENV=test.
  delete env.NO_COLOR;
  delete env.NODE_ENV;
  const quoted = command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' ');
  const child = terminal
    ? spawn('script', ['-qfec', `exec ${quoted}`, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('officegraph is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`the server exited before it was ready:\n${output}`)));
  });
  // A person's Ctrl-C through the terminal; without one, the same signal sent to the process.
  if (terminal) child.stdin.write('\u0003');
  else child.kill('SIGINT');
  const exit = await exited;
  return { output, exit };
}

/** The lines printed, without the terminal's echo of Ctrl-C. */
const lines = (output: string) =>
  output
    .split(/\r?\n/)
    .map((line) => line.replace(/^\^C/, ''))
    .filter((line) => line.trim() !== '');
const withoutColour = (text: string) => text.replace(/\u001b\[\d+m/g, '');

describe('the server process', () => {
  it('prints short human lines on a terminal, with a ready line that says where to go', { timeout: 120_000 }, async () => {
    const { output, exit } = await runServer(true, {});
    expect(exit, output).toEqual({ code: 0, signal: null });
    expect(output).toContain('\u001b[32mINFO \u001b[0m');
    const printed = lines(withoutColour(output));
    expect(printed.filter((line) => !CLOCK.test(line))).toEqual([]);
    expect(printed.some((line) => line.startsWith('{'))).toBe(false);
    const ready = printed.find((line) => line.includes('officegraph is ready'));
    expect(ready?.replace(CLOCK, '')).toMatch(new RegExp(`^INFO  ${READY.source}`));
    expect(printed.some((line) => line.replace(CLOCK, '').startsWith('INFO  SIGINT: shutting down')), output).toBe(true);
    const password = testEnvironment().NEO4J_PASSWORD;
    if (password) expect(output).not.toContain(password);
  });

  it('prints JSON lines when stdout is not a terminal', { timeout: 120_000 }, async () => {
    const { output, exit } = await runServer(false, {});
    expect(exit, output).toEqual({ code: 0, signal: null });
    const entries = lines(output).map((line) => JSON.parse(line) as { level: number; msg: string; service: string });
    expect(entries.find((entry) => entry.msg.startsWith('officegraph is ready'))).toMatchObject({ level: 30, service: 'officegraph', msg: expect.stringMatching(READY) });
  });

  it('prints JSON lines on a terminal too with LOG_FORMAT=json', { timeout: 120_000 }, async () => {
    const { output, exit } = await runServer(true, { LOG_FORMAT: 'json' });
    expect(exit, output).toEqual({ code: 0, signal: null });
    const entries = lines(output).map((line) => JSON.parse(line) as { msg: string });
    expect(entries.some((entry) => entry.msg.startsWith('SIGINT: shutting down')), output).toBe(true);
  });
});
