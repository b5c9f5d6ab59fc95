// Client for the embedded Neo4j launcher in neo4j-local/ (used when NEO4J_URI is unset): builds it with Maven when
// needed, starts it as a child process on 127.0.0.1 and hands back a URI and credentials.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface LocalNeo4jOptions {
  dataDir: string;
  /** 0 picks a free port. */
  boltPort: number;
  /** JVM maximum heap, e.g. "1g". */
  heap?: string;
  /** Neo4j page cache, e.g. "256m". */
  pageCache?: string;
  onProgress?: (message: string) => void;
  /** How long to wait for the ready line (default 120 s); a big store on a busy machine may need more. */
  readyTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  username: string;
  password: string;
  /** The Java process's id, so that a fault test can kill it on purpose. */
  pid: number;
  stop(): Promise<void>;
}

/** A start-up failure; the message is one sentence that says what to do. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const READY = 'OFFICEGRAPH_NEO4J_READY ';
const ERROR = 'OFFICEGRAPH_NEO4J_ERROR ';
const MAIN_CLASS = 'org.officegraph.local.Neo4jLocal';
const ADMIN_CLASS = 'org.neo4j.cli.AdminTool';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const BUILD_LOCK_STALE_MS = 30 * 60_000;
const NO_JAVA =
  'Java 17 or newer is needed to run the local Neo4j: install it (Debian: apt-get install openjdk-17-jre-headless) ' +
  'or set NEO4J_URI to an existing Neo4j.';
const NO_MAVEN =
  'Maven is needed once to build the local Neo4j launcher: install it (Debian: apt-get install maven) ' +
  'or set NEO4J_URI to an existing Neo4j.';

/** Java (17 or newer, else a clear error) and the launcher in neo4j-local/, built with Maven when needed. */
async function prepareLauncher(progress: (message: string) => void): Promise<{ java: string; javaVersion: number; launcher: string }> {
  const java = javaCommand();
  const javaVersion = await javaMajorVersion(java);
  const launcher = join(projectRoot(), 'neo4j-local');
  await ensureBuilt(launcher, progress);
  return { java, javaVersion, launcher };
}

/** The JVM arguments that run `mainClass` from the launcher's jar and its Neo4j libraries. */
function launcherJavaArguments(launcher: string, javaVersion: number, heap: string | undefined, mainClass: string): string[] {
  const target = join(launcher, 'target');
  return [`-Xmx${heap ?? '1g'}`, ...jvmFlags(javaVersion), '-cp', `${join(target, 'neo4j-local.jar')}${delimiter}${join(target, 'lib', '*')}`, mainClass];
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const progress = options.onProgress ?? (() => {});
  const { java, javaVersion, launcher } = await prepareLauncher(progress);

  const dataDir = resolve(options.dataDir);
  const password = await readOrCreatePassword(dataDir);
  progress(`Starting the local Neo4j in ${dataDir}…`);
  const child = spawn(
    java,
    [
      ...launcherJavaArguments(launcher, javaVersion, options.heap, MAIN_CLASS),
      '--data-dir',
      dataDir,
      '--bolt-port',
      String(options.boltPort),
      '--page-cache',
      options.pageCache ?? '256m',
    ],
    // The password travels in the environment so that it does not show up in `ps`. Stdin stays an open pipe:
    // the launcher exits when it reaches EOF, which also covers this process dying by SIGKILL.
    { env: { ...process.env, OFFICEGRAPH_NEO4J_PASSWORD: password }, stdio: ['pipe', 'pipe', 'pipe'] },
  );

  // Exiting Node without stop() must not leave a JVM behind; SIGTERM lets it checkpoint the store.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  void exited.then(() => process.off('exit', killOnExit));

  let uri: string;
  try {
    uri = await waitForReady(child, options.boltPort, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch (error) {
    await terminate(child, exited);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  child.once('close', (code, signal) => {
    if (!stopping) progress(`The local Neo4j exited unexpectedly (${signal ?? `code ${code}`}); see ${dataDir}/logs.`);
  });
  return {
    uri,
    username: 'neo4j',
    password,
    pid: child.pid!,
    stop: () => (stopping ??= terminate(child, exited)),
  };
}

export interface LocalNeo4jImportOptions {
  dataDir: string;
  /** JVM maximum heap of the importer, e.g. "1g". */
  heap?: string;
  /** What follows `neo4j-admin database import full` (the database name last). */
  args: string[];
  onProgress?: (message: string) => void;
  /** Each line the importer prints. */
  onOutput?: (line: string) => void;
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, org.neo4j.cli.AdminTool) from
 * the launcher's own classpath on the store the launcher uses: the launcher opens
 * DatabaseManagementServiceBuilder(dataDir), i.e. NEO4J_HOME = dataDir with the default layout
 * (dataDir/data/databases/<name>, dataDir/data/transactions/<name>), which is where the importer
 * writes when NEO4J_HOME is dataDir. The local Neo4j must not be running on dataDir.
 */
export async function runLocalNeo4jImport(options: LocalNeo4jImportOptions): Promise<void> {
  const progress = options.onProgress ?? (() => {});
  const { java, javaVersion, launcher } = await prepareLauncher(progress);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const child = spawn(
    java,
    [
      ...launcherJavaArguments(launcher, javaVersion, options.heap, ADMIN_CLASS),
      'database',
      'import',
      'full',
      ...options.args,
    ],
    // The importer finds the store from NEO4J_HOME; NEO4J_CONF points at the (absent) conf
    // directory under it so that a neo4j.conf elsewhere in the environment cannot move the store.
    { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: join(dataDir, 'conf') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  const onLine = (line: string) => {
    options.onOutput?.(line);
    // Keep what says why (the "Caused by" lines name the record), not the stack frames.
    if (/^\s*(at |\.\.\. \d+ more)/.test(line) || line.trim() === '') return;
    tail.push(line);
    if (tail.length > 6) tail.shift();
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(new LocalNeo4jError(error.code === 'ENOENT' ? NO_JAVA : `Cannot start Java: ${error.message}.`)),
    );
    child.once('close', (exitCode, exitSignal) => done({ code: exitCode, signal: exitSignal }));
  });
  if (code !== 0) {
    throw new LocalNeo4jError(
      `neo4j-admin import failed (${signal ?? `exit code ${code}`}) on ${dataDir}; its last output was:\n${tail.join('\n')}`,
    );
  }
}

/** Resolves with the Bolt URI from the READY line; rejects with the launcher's own sentence when it fails. */
function waitForReady(child: ChildProcess, port: number, timeoutMs: number): Promise<string> {
  const stderrTail: string[] = [];
  // Keep draining both pipes for the child's whole life, so that a full pipe can never block the JVM.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 15) stderrTail.shift();
  });
  const stdout = createInterface({ input: child.stdout! });

  return new Promise((resolveReady, reject) => {
    let failure: string | undefined;
    const timer = setTimeout(
      () => reject(new LocalNeo4jError(`The local Neo4j did not start within ${timeoutMs / 1000} s: ` +
        `look at its debug.log in the data directory, or set NEO4J_URI to an existing Neo4j.`)),
      timeoutMs,
    );
    stdout.on('line', (line) => {
      if (line.startsWith(READY)) {
        clearTimeout(timer);
        resolveReady(line.slice(READY.length).trim());
      } else if (line.startsWith(ERROR)) {
        failure = line.slice(ERROR.length).trim();
      }
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(error.code === 'ENOENT' ? NO_JAVA : `Cannot start Java: ${error.message}.`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const details = stderrTail.length > 0 ? `; its last output was:\n${stderrTail.join('\n')}` : '.';
      reject(new LocalNeo4jError(failure ??
        `The local Neo4j on port ${port} exited (${signal ?? `code ${code}`}) before it was ready${details}`));
    });
  });
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((done) => (timer = setTimeout(() => done(true), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function jvmFlags(javaVersion: number): string[] {
  const flags = [
    // Neo4j reaches into NIO internals (direct buffers, file channels) and Netty wants the same.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    // An out-of-memory JVM would keep the port and the store lock while answering nothing; better to die loudly.
    '-XX:+ExitOnOutOfMemoryError',
  ];
  // Newer JDKs warn on native access and Unsafe memory access (or refuse it later on); older ones reject these flags.
  if (javaVersion >= 21) flags.push('--enable-native-access=ALL-UNNAMED');
  if (javaVersion >= 23) flags.push('--sun-misc-unsafe-memory-access=allow');
  return flags;
}

async function javaMajorVersion(java: string): Promise<number> {
  const { code, output } = await run(java, ['-version'], process.cwd()).catch(() => ({ code: -1, output: '' }));
  // "openjdk version "17.0.15" …" or, before Java 9, "java version "1.8.0_392"".
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (code !== 0 || major < 17) throw new LocalNeo4jError(NO_JAVA);
  return major;
}

/** The directory holding neo4j-local/pom.xml, found from this file both in src/ (vitest) and dist/src/ (tsc). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'neo4j-local', 'pom.xml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new LocalNeo4jError('The neo4j-local directory is missing: reinstall officegraph or set NEO4J_URI.');
    dir = parent;
  }
}

/**
 * Builds the launcher when it is missing or older than its sources. A stamp file written after a successful build
 * is the reference, because Maven does not rewrite an unchanged jar. A lock file keeps two processes that start at
 * once from running Maven over each other.
 */
async function ensureBuilt(launcher: string, progress: (message: string) => void): Promise<void> {
  const target = join(launcher, 'target');
  const stamp = join(target, '.officegraph-built');
  const lock = join(target, '.officegraph-build.lock');
  const upToDate = async () => {
    if (!existsSync(join(target, 'neo4j-local.jar')) || !existsSync(join(target, 'lib'))) return false;
    const built = await stat(stamp).then((s) => s.mtimeMs, () => 0);
    return (await newestSource(launcher)) <= built;
  };
  if (await upToDate()) return;

  await mkdir(target, { recursive: true });
  await acquireLock(lock, progress);
  try {
    if (await upToDate()) return; // another process built it while we waited
    progress('Building the local Neo4j launcher with Maven (first run downloads ~150 MB)…');
    const result = await run('mvn', ['-B', '-q', 'package', '-DskipTests'], launcher).catch(
      (error: NodeJS.ErrnoException) => {
        throw new LocalNeo4jError(error.code === 'ENOENT' ? NO_MAVEN : `Cannot run Maven: ${error.message}.`);
      },
    );
    if (result.code !== 0) {
      const lastLines = result.output.trim().split('\n').slice(-15).join('\n');
      throw new LocalNeo4jError(
        `Building the local Neo4j launcher failed: run "mvn -B package" in ${launcher} to see why; Maven said:\n${lastLines}`,
      );
    }
    await writeFile(stamp, new Date().toISOString());
  } finally {
    await rm(lock, { force: true });
  }
}

async function newestSource(launcher: string): Promise<number> {
  // Directories count too: their mtime moves when a source file is added, removed or renamed.
  const src = join(launcher, 'src');
  const files = [join(launcher, 'pom.xml'), src, ...(await readdir(src, { recursive: true })).map((f) => join(src, f))];
  const times = await Promise.all(files.map((file) => stat(file).then((s) => s.mtimeMs)));
  return Math.max(...times);
}

async function acquireLock(lock: string, progress: (message: string) => void): Promise<void> {
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock whose owner is gone (crash, SIGKILL) or that is very old is stale: remove it and try again.
    const owner = Number(await readFile(lock, 'utf8').catch(() => ''));
    const age = Date.now() - (await stat(lock).then((s) => s.mtimeMs, () => Date.now()));
    if ((owner > 0 && !isAlive(owner)) || age > BUILD_LOCK_STALE_MS) {
      await rm(lock, { force: true });
      continue;
    }
    if (!announced) progress('Waiting for another process that is building the local Neo4j launcher…');
    announced = true;
    await new Promise((done) => setTimeout(done, 500));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The password is made once per data dir and kept there, readable only by the owner. */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'neo4j-password');
  try {
    await writeFile(file, randomBytes(24).toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600); // repair permissions if someone loosened them
  const password = (await readFile(file, 'utf8')).trim();
  if (password.length < 8) {
    throw new LocalNeo4jError(`The password in ${file} is shorter than 8 characters: put a longer one there or delete the file.`);
  }
  return password;
}

/** Runs a command to completion, collecting stdout and stderr together. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code: code ?? -1, output }));
  });
}
