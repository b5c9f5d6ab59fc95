/**
 * The HTTP surface: POST/GET /graphql (Apollo Server 5 on Express 5), /health and /ready.
 * The server keeps no state of its own: run as many processes as you like behind a balancer.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloServer, type ApolloServerOptionsWithTypeDefs } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { gql } from 'graphql-tag';
import type { Config } from '../config.js';
import type { GraphStore } from '../graph/graphStore.js';
import { createLoaders } from '../graph/loaders.js';
import type { Logger } from '../logger.js';
import { projectRoot } from '../projectRoot.js';
import type { RequestContext } from '../resolvers/context.js';
import { resolvers } from '../resolvers/index.js';
import { createFormatError } from './formatError.js';
import { exploreRoutes } from './routes/explore.js';
import { exportRoutes } from './routes/export.js';
import { graphiqlRoutes } from './routes/graphiql.js';
import { corsFor } from './cors.js';
import { queryLimits } from './plugins/queryLimits.js';
import { requestLogging } from './plugins/requestLogging.js';
import { hasWriteToken } from './writeToken.js';

/** Why the service is not ready yet, or null when it is. */
export type ReadinessCheck = () => Promise<string | null>;

export interface HttpServerOptions {
  config: Config;
  store: GraphStore;
  logger: Logger;
  readiness: ReadinessCheck;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const typeDefs = gql(readFileSync(path.join(projectRoot(), 'schema.graphql'), 'utf8'));

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { config, store, logger } = options;
  const app = express();
  const httpServer = http.createServer(app);
  const limits = queryLimits(config.queryLimits);
  const apollo = new ApolloServer<RequestContext>({
    typeDefs,
    resolvers: resolvers as ApolloServerOptionsWithTypeDefs<RequestContext>['resolvers'],
    introspection: config.introspection,
    csrfPrevention: true,
    // The process decides what a signal means (src/cli/start.ts); Apollo's own handlers would
    // stop the server and raise the signal again, which reads as a second signal.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createFormatError({ production: config.production }),
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // A graceful stop waits for requests in flight as long as their database work may take.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.queryTimeoutMs + 5_000 }), ApolloServerPluginLandingPageDisabled(), limits.plugin, requestLogging<RequestContext>(logger)],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', async (_request, response) => {
    const reason = await options.readiness().catch((error: Error) => `check failed: ${error.message}`);
    if (reason === null) response.json({ status: 'ready' });
    else response.status(503).json({ status: 'not ready', reason });
  });
  app.use('/graphql', corsFor(config.corsOrigins));
  app.use(exploreRoutes(), exportRoutes({ store, logger }), graphiqlRoutes());
  app.use(
    '/graphql',
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        store,
        loaders: createLoaders(store),
        config,
        canWrite: hasWriteToken(req.headers.authorization, config.writeToken),
        requestId: String(req.headers['x-request-id'] ?? randomUUID()),
      }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () => apollo.stop(),
  };
}
