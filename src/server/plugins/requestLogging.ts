/**
 * One structured log line per GraphQL request: request id, operation name and type, duration,
 * HTTP status and the error codes it answered with; internal errors in full, under the same
 * request id. Neither the query text nor the variables are
 * logged (they may hold anything), and neither is the Authorization header.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../logger.js';

interface RequestIdContext {
  requestId: string;
}

export function requestLogging<TContext extends RequestIdContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      // The id may come from the client's X-Request-Id: keep it short in logs.
      const requestId = String(contextValue.requestId).slice(0, 128);
      return {
        // Errors without a code are internal: the client sees a masked message (formatError),
        // the log keeps the details under the request id.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions?.code !== undefined && error.extensions.code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error({ requestId, path: error.path, err: error.originalError ?? error }, 'internal error');
          }
        },
        async willSendResponse({ request, operation, operationName, response }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          // The codes as the client sees them, after formatError.
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          response.http.headers.set('x-request-id', requestId);
          const entry = {
            requestId,
            operationName: operationName ?? request.operationName ?? null,
            operationType: operation?.operation ?? null,
            durationMs: Math.round(durationMs * 10) / 10,
            status: response.http.status ?? 200,
            ...(errorCodes.length > 0 ? { errorCodes: [...new Set(errorCodes)] } : {}),
          };
          if (errorCodes.length > 0) logger.warn(entry, 'graphql request failed');
          else logger.info(entry, 'graphql request');
        },
      };
    },
  };
}
