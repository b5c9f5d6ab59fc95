/**
 * The write side: ingest a source with its facts, retract a source, merge two entities. Each
 * is one write transaction. Every mutation needs the write token (OFFICEGRAPH_WRITE_TOKEN sent
 * as `Authorization: Bearer <token>`); with no token configured, writes are refused outright.
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import { forbidden } from '../errors.js';
import { documentFromInput } from '../ingest/documentFromInput.js';
import { ingestDocument } from '../ingest/ingestDocument.js';
import { mergeEntities } from '../ingest/mergeEntities.js';
import { retractSource } from '../ingest/retractSource.js';
import type { RequestContext } from './context.js';
import type { DryRunResult } from '../ingest/dryRun.js';
import type { IngestResult } from '../ingest/ingestDocument.js';

/** An ingest's answer: `changes` is set by dry runs only. */
function answer(result: IngestResult | DryRunResult) {
  return 'changes' in result ? result : { ...result, dryRun: false, changes: null };
}
import { existingEntity } from './entity.js';

function requireWriteAccess(context: RequestContext): void {
  if (context.canWrite) return;
  if (context.config.writeToken === undefined) {
    throw forbidden('Writes are disabled: the server has no OFFICEGRAPH_WRITE_TOKEN configured.');
  }
  throw forbidden('Writes need the header "Authorization: Bearer <OFFICEGRAPH_WRITE_TOKEN>", but it was missing or wrong.');
}

export const mutationResolvers = {
  Mutation: {
    ingest: async (_root: unknown, args: { input: unknown; dryRun?: boolean | null }, context: RequestContext) => {
      requireWriteAccess(context);
      return answer(await ingestDocument(context.store, documentFromInput(args.input), { dryRun: args.dryRun === true }));
    },
    ingestDocument: async (_root: unknown, args: { document: unknown; dryRun?: boolean | null }, context: RequestContext) => {
      requireWriteAccess(context);
      return answer(await ingestDocument(context.store, args.document, { dryRun: args.dryRun === true }));
    },
    retractSource: async (_root: unknown, args: { id: string }, context: RequestContext) => {
      requireWriteAccess(context);
      return retractSource(context.store, args.id);
    },
    mergeEntities: async (_root: unknown, args: { keep: string; drop: string }, context: RequestContext) => {
      requireWriteAccess(context);
      const result = await mergeEntities(context.store, args.keep, args.drop);
      context.loaders.entity.clearAll();
      return existingEntity(context, result.id);
    },
  },
  IngestResult: {
    source: (result: { sourceId: string }, _args: unknown, context: RequestContext) => context.loaders.entity.load(result.sourceId),
  },
} satisfies Resolvers;
