/** Evidence everywhere: stored entries become {source, quote, note}; the source is loaded in batch. */
import type { Resolvers } from '../generated/resolverTypes.js';
import type { EntityRecord, EvidenceRecord } from '../graph/records.js';
import { parseEvidence } from '../graph/records.js';
import type { RequestContext } from './context.js';
import { existingEntity } from './entity.js';

export const evidenceResolvers = {
  Evidence: {
    source: (evidence: EvidenceRecord, _args: unknown, context: RequestContext) => existingEntity(context, evidence.sourceId),
  },
} satisfies Resolvers;

/** Resolver for the `evidence` field of a fact whose record keeps stored evidence entries. */
export function factEvidence(record: { evidence?: unknown }): EvidenceRecord[] {
  return parseEvidence(record.evidence);
}

/** Resolver for the `evidence` field of an entity: the mentions of it by sources. */
export function entityEvidence(entity: EntityRecord, _args: unknown, context: RequestContext) {
  return context.loaders.entityEvidence.load(entity.id);
}
