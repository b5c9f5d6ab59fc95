/** Query.draftIngest: a report's text drafted into an ingest document with its proposals (read-only). */
import { documentFromInput } from '../ingest/documentFromInput.js';
import { draftFromGraph } from '../draft/draftFromGraph.js';
import type { RequestContext } from './context.js';

export const draftResolvers = {
  Query: {
    draftIngest: async (_root: unknown, args: { source: unknown }, context: RequestContext) =>
      draftFromGraph(context.store, documentFromInput(args.source)),
  },
};
