/**
 * The closed set of error codes clients can rely on, and helpers that build GraphQL errors
 * carrying them in `extensions.code`.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'UNAVAILABLE',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldProblem {
  /** Where the bad value is, e.g. "facts[3].startDate" or "maxHops". */
  path: string;
  message: string;
}

export function badUserInput(problems: FieldProblem[]): GraphQLError {
  const message = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, problems } });
}

export function badArgument(argument: string, message: string, value: unknown): GraphQLError {
  return badUserInput([{ path: argument, message: `${message}, but got: ${JSON.stringify(value)}` }]);
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} with id ${JSON.stringify(id)}.`, {
    extensions: { code: ErrorCode.NOT_FOUND, id },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

const NEO4J_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** The client-facing code of a Neo4j driver error: UNAVAILABLE for an outage, TIMEOUT for a stopped transaction. */
export function classifyNeo4jError(error: unknown): ErrorCode | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (NEO4J_UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) return ErrorCode.UNAVAILABLE;
  if (code.includes('TransactionTimedOut')) return ErrorCode.TIMEOUT;
  return undefined;
}
