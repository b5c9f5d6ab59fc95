/**
 * Runs one of the project's command-line tools (src/cli/NAME.ts) as a user would, in its own
 * process with the test environment's configuration, and resolves with its exit code and output
 * whatever the code is, so a test can assert on a refusal as well as on a success.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/projectRoot.js';
import { testEnvironment } from './testServer.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[], timeoutMs = 120_000): Promise<CliResult> {
  return run(process.execPath, ['--import', 'tsx', path.join(projectRoot(), 'src', 'cli', script), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
