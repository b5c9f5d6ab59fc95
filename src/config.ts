/**
 * The whole configuration, parsed and checked once from the environment. Everything else
 * trusts the frozen object this returns; a bad value stops start-up with a message naming
 * the variable and the value.
 */
import path from 'node:path';
import { z } from 'zod';
import type { LogFormatSetting } from './logger.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = (fallback: number, allowZero: boolean) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole number')
    .min(allowZero ? 0 : 1, allowZero ? 'expected 0 or a port number' : 'expected a port number from 1')
    .max(65_535, 'expected a port number up to 65535')
    .default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const environmentSchema = z.object({
  PORT: port(4000, true),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: optionalText.pipe(
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt://, neo4j:// or neo4j+s:// URI')
      .optional(),
  ),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: optionalText,
  OFFICEGRAPH_DATA_DIR: z.string().min(1).default('./.data'),
  OFFICEGRAPH_BOLT_PORT: port(7687, true),
  OFFICEGRAPH_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'expected a size like 512m or 1g').default('1g'),
  OFFICEGRAPH_NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/, 'expected a size like 256m or 1g').default('256m'),
  OFFICEGRAPH_WRITE_TOKEN: optionalText,
  OFFICEGRAPH_SEED: booleanFlag.default(true),
  OFFICEGRAPH_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  OFFICEGRAPH_INTROSPECTION: booleanFlag.default(true),
  OFFICEGRAPH_PLAN_REQUESTS: booleanFlag.default(true),
  OFFICEGRAPH_MAX_DEPTH: z.coerce.number().int().min(1).max(1000).default(12),
  OFFICEGRAPH_MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(15),
  OFFICEGRAPH_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(10_000).default(20),
  OFFICEGRAPH_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3000),
  OFFICEGRAPH_MAX_COST: z.coerce.number().int().min(1).max(100_000_000).default(20_000),
  OFFICEGRAPH_DEFAULT_LIST_SIZE: z.coerce.number().int().min(1).max(10_000).default(10),
  OFFICEGRAPH_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'expected origins like https://example.org, comma-separated'))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Set when the user brings their own Neo4j; unset means: start the local one. */
  readonly neo4jUri: string | undefined;
  readonly neo4jUsername: string;
  readonly neo4jPassword: string | undefined;
  readonly neo4jDatabase: string | undefined;
  readonly dataDir: string;
  readonly boltPort: number;
  readonly neo4jHeap: string;
  readonly neo4jPageCache: string;
  readonly writeToken: string | undefined;
  readonly seed: boolean;
  readonly queryTimeoutMs: number;
  readonly introspection: boolean;
  /** Plan the common root fields as one read from their selection sets (src/plan); off: loaders only. */
  readonly planRequests: boolean;
  /** Query limits, checked before any resolver runs (src/server/plugins/queryLimits.ts). */
  readonly queryLimits: QueryLimits;
  /** Browser origins allowed to call /graphql; empty (the default) allows none. */
  readonly corsOrigins: readonly string[];
  readonly logLevel: string;
  /** auto: human lines when stdout is a terminal, JSON lines otherwise (see logger.ts). */
  readonly logFormat: LogFormatSetting;
  readonly production: boolean;
}

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** What a list field without `first`/`limit` is assumed to hold when pricing a query. */
  readonly defaultListSize: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      const value = environment[variable];
      return `${variable}: ${issue.message}, but got: ${JSON.stringify(value)}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  return Object.freeze({
    port: env.PORT,
    host: env.HOST,
    neo4jUri: env.NEO4J_URI,
    neo4jUsername: env.NEO4J_USERNAME,
    neo4jPassword: env.NEO4J_PASSWORD,
    neo4jDatabase: env.NEO4J_DATABASE,
    dataDir: path.resolve(env.OFFICEGRAPH_DATA_DIR),
    boltPort: env.OFFICEGRAPH_BOLT_PORT,
    neo4jHeap: env.OFFICEGRAPH_NEO4J_HEAP,
    neo4jPageCache: env.OFFICEGRAPH_NEO4J_PAGECACHE,
    writeToken: env.OFFICEGRAPH_WRITE_TOKEN,
    seed: env.OFFICEGRAPH_SEED,
    queryTimeoutMs: env.OFFICEGRAPH_QUERY_TIMEOUT_MS,
    introspection: env.OFFICEGRAPH_INTROSPECTION,
    planRequests: env.OFFICEGRAPH_PLAN_REQUESTS,
    queryLimits: Object.freeze({
      maxDepth: env.OFFICEGRAPH_MAX_DEPTH,
      maxAliases: env.OFFICEGRAPH_MAX_ALIASES,
      maxDirectives: env.OFFICEGRAPH_MAX_DIRECTIVES,
      maxTokens: env.OFFICEGRAPH_MAX_TOKENS,
      maxCost: env.OFFICEGRAPH_MAX_COST,
      defaultListSize: env.OFFICEGRAPH_DEFAULT_LIST_SIZE,
    }),
    corsOrigins: Object.freeze(env.OFFICEGRAPH_CORS_ORIGINS),
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    production: env.NODE_ENV === 'production',
  });
}
