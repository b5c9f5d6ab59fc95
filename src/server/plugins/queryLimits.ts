/**
 * Query limits, all checked before any resolver runs (so before Neo4j is touched):
 *  - tokens: graphql-js stops parsing a document longer than `maxTokens` tokens;
 *  - depth, aliases, directives: graphql-armor's validation rules;
 *  - cost: priced with the variables known (src/server/plugins/queryCost.ts), in didResolveOperation.
 * Every refusal answers HTTP 400 with extensions.code QUERY_TOO_COMPLEX, the `limit` it hit and
 * what the query came to (`cost`, or `found` for the other limits).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, type FragmentDefinitionNode, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config.js';
import { ErrorCode } from '../../errors.js';
import { operationCost } from './queryCost.js';

export interface QueryLimitOptions {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugin: ApolloServerPlugin<BaseContext>;
}

const TOO_COMPLEX = Symbol('queryTooComplex');
type Marked = GraphQLError & { [TOO_COMPLEX]?: Record<string, unknown> };

function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...details, http: { status: 400 } } });
}

/** graphql-armor reports "Syntax Error: Query depth limit of 12 exceeded, found 13."; we re-word and mark it. */
function armorRejection(limitName: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
    const reported = new GraphQLError(`Query too complex: ${limitName} ${found} is over the limit of ${limit}.`) as Marked;
    reported[TOO_COMPLEX] = { limit, found };
    context?.reportError(reported);
  };
}

export function queryLimits(limits: QueryLimits): QueryLimitOptions {
  const common = { exposeLimits: true, propagateOnRejection: false, onAccept: [] };
  const validationRules = [
    maxDepthRule({ ...common, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject: [armorRejection('depth', limits.maxDepth)] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, allowList: [], onReject: [armorRejection('aliases', limits.maxAliases)] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [armorRejection('directives', limits.maxDirectives)] }),
  ] as ValidationRule[];

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = operationCost({
            schema,
            operation,
            fragments,
            variables: request.variables ?? {},
            defaultListSize: limits.defaultListSize,
          });
          if (cost > limits.maxCost) {
            throw tooComplex(`Query too complex: it could fetch ${cost} objects, over the limit of ${limits.maxCost}; ask for smaller pages (first/limit) or fewer nested lists.`, {
              limit: limits.maxCost,
              cost,
            });
          }
        },
        // Apollo files validation and parse failures under its own codes; ours are limits.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError as Marked | undefined;
            const details = original?.[TOO_COMPLEX] ?? tokenLimitDetails(error, limits.maxTokens);
            if (!details) continue;
            Object.assign(error.extensions as Record<string, unknown>, { code: ErrorCode.QUERY_TOO_COMPLEX, ...details });
            if (!original?.[TOO_COMPLEX]) error.message = `Query too complex: more than ${limits.maxTokens} tokens.`;
          }
        },
      };
    },
  };
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules, plugin };
}

/** graphql-js's own message (sic) when a document has more than maxTokens tokens. */
function tokenLimitDetails(error: GraphQLError, maxTokens: number): Record<string, unknown> | undefined {
  return /Document contains more tha[nt] \d+ tokens/.test(error.message) ? { limit: maxTokens } : undefined;
}
