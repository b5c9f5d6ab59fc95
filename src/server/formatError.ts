/**
 * The last stop of every GraphQL error: Neo4j outages become UNAVAILABLE, transaction
 * time-outs TIMEOUT, and anything without a known code is an internal error whose details are
 * logged with the request id (plugins/requestLogging.ts) and, in production, hidden from the
 * client. Never throws.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { classifyNeo4jError, ErrorCode } from '../errors.js';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
/** Apollo's own codes for malformed requests, which are the client's to see. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

export function createFormatError(options: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      const neo4jCode = classifyNeo4jError(original);
      if (neo4jCode === ErrorCode.UNAVAILABLE) {
        return { ...formatted, message: 'The graph database is unavailable; try again shortly.', extensions: { code: neo4jCode } };
      }
      if (neo4jCode === ErrorCode.TIMEOUT) {
        return { ...formatted, message: 'The query took too long and was stopped.', extensions: { code: neo4jCode } };
      }
      const code = String(formatted.extensions?.code ?? '');
      if ((KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) || CLIENT_CODES.has(code)) {
        // The client's own mistakes need no server stack trace, in any mode.
        const { stacktrace, ...extensions } = formatted.extensions ?? {};
        void stacktrace;
        return { ...formatted, extensions };
      }
      if (!options.production) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}
