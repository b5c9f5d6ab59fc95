/**
 * The write side: ingest a source with its facts, retract a source, merge two entities. Each
 * is one write transaction. Every mutation needs the write token (OFFICEGRAPH_WRITE_TOKEN sent
 * as `Authorization: Bearer <token>`); with no token configured, writes are refused outright.
 */
import { forbidden } from '../errors.js';
import { documentFromInput } from '../ingest/documentFromInput.js';
import { ingestDocument } from '../ingest/ingestDocument.js';
import { mergeEntities } from '../ingest/mergeEntities.js';
import { retractSource } from '../ingest/retractSource.js';
import type { RequestContext } from './context.js';

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
      return ingestDocument(context.store, documentFromInput(args.input), { dryRun: args.dryRun === true });
    },
    ingestDocument: async (_root: unknown, args: { document: unknown; dryRun?: boolean | null }, context: RequestContext) => {
      requireWriteAccess(context);
      return ingestDocument(context.store, args.document, { dryRun: args.dryRun === true });
    },
    retractSource: async (_root: unknown, args: { id: string }, context: RequestContext) => {
      requireWriteAccess(context);
      return retractSource(context.store, args.id);
    },
    mergeEntities: async (_root: unknown, args: { keep: string; drop: string }, context: RequestContext) => {
      requireWriteAccess(context);
      const result = await mergeEntities(context.store, args.keep, args.drop);
      context.loaders.entity.clearAll();
      return context.loaders.entity.load(result.id);
    },
  },
  IngestResult: {
    source: (result: { sourceId: string }, _args: unknown, context: RequestContext) => context.loaders.entity.load(result.sourceId),
    dryRun: (result: { dryRun?: boolean }) => result.dryRun === true,
    changes: (result: { changes?: unknown }) => result.changes ?? null,
  },
};
