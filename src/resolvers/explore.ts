/** Search, neighborhoods and paths: finding entities and how they are connected. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/resolverTypes.js';
import type { EntityKind } from '../model/document.js';
import { badArgument, notFound } from '../errors.js';
import { bestMatchingName, buildSearchQuery } from '../graph/searchQuery.js';
import { neighborhood, NEIGHBORHOOD_MAX_DEPTH, NEIGHBORHOOD_MAX_LIMIT } from '../graph/neighborhood.js';
import { PATHS_MAX_FIRST, PATHS_MAX_HOPS, shortestPaths } from '../graph/paths.js';
import type { GraphEdge } from '../graph/graphElements.js';
import type { RequestContext } from './context.js';
import { selectionOf, selects } from '../plan/lookahead.js';

export const SEARCH_MAX_FIRST = 100;
export const SEARCH_MAX_TEXT = 200;

/** Checks that an integer argument lies in [min, max]; the error names the argument and value. */
export function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badArgument(argument, `expected a whole number from ${min} to ${max}`, value);
  }
  return value;
}

export const exploreResolvers = {
  Query: {
    search: async (
      _root: unknown,
      args: { text: string; kinds?: EntityKind[] | null; first?: number | null },
      context: RequestContext,
    ) => {
      const text = args.text.trim();
      if (text.length === 0 || text.length > SEARCH_MAX_TEXT) {
        throw badArgument('text', `expected 1 to ${SEARCH_MAX_TEXT} characters`, args.text.slice(0, SEARCH_MAX_TEXT + 20));
      }
      const first = checkRange('first', args.first ?? 10, 1, SEARCH_MAX_FIRST);
      const rows = await context.store.read('search_entities', {
        query: buildSearchQuery(text),
        kinds: args.kinds && args.kinds.length > 0 ? args.kinds : null,
        candidates: Math.max(first * 5, 50),
        first,
      });
      return rows.map((row) => {
        const { entity, score } = row;
        return { entity, score, matched: bestMatchingName(text, [entity.name, ...(entity.aliases ?? [])]) };
      });
    },
    neighborhood: async (
      _root: unknown,
      args: { id: string; depth?: number | null; limit?: number | null; kinds?: EntityKind[] | null; at?: string | null },
      context: RequestContext,
      info: GraphQLResolveInfo,
    ) => {
      const depth = checkRange('depth', args.depth ?? 1, 1, NEIGHBORHOOD_MAX_DEPTH);
      const limit = checkRange('limit', args.limit ?? 200, 1, NEIGHBORHOOD_MAX_LIMIT);
      const kinds = args.kinds && args.kinds.length > 0 ? args.kinds : null;
      const subgraph = await neighborhood(context.store, { id: args.id, depth, limit, kinds, at: args.at ?? null, ...propertiesSelected(info) });
      if (!subgraph) throw notFound('entity', args.id);
      return subgraph;
    },
    paths: async (
      _root: unknown,
      args: { from: string; to: string; maxHops?: number | null; first?: number | null; at?: string | null },
      context: RequestContext,
      info: GraphQLResolveInfo,
    ) => {
      const maxHops = checkRange('maxHops', args.maxHops ?? 4, 1, PATHS_MAX_HOPS);
      const first = checkRange('first', args.first ?? 5, 1, PATHS_MAX_FIRST);
      // One statement resolves the ends (an id merged into another entity walks from the one it
      // resolves to) and searches.
      const answer = await shortestPaths(context.store, { from: args.from, to: args.to, maxHops, first, at: args.at ?? null, ...propertiesSelected(info) });
      if (answer.from === null) throw notFound('entity (from)', args.from);
      if (answer.to === null) throw notFound('entity (to)', args.to);
      return answer.paths;
    },
  },
  GraphEdge: {
    evidence: (edge: GraphEdge) => edge.evidence,
  },
} satisfies Resolvers;

/**
 * Whether a Subgraph or a Path request selects its nodes' properties, and its edges' properties or
 * evidence: what is not selected is not read from the database.
 */
function propertiesSelected(info: GraphQLResolveInfo): { nodeProperties: boolean; edgeProperties: boolean } {
  const selection = selectionOf(info);
  return {
    nodeProperties: selects(selection, 'nodes', 'properties'),
    edgeProperties: selects(selection, 'edges', 'properties') || selects(selection, 'edges', 'evidence'),
  };
}
