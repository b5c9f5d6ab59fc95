/** Person, Post and Tenure: who held which post, when, and who came before and after. */
import type { ParticipationRole } from '../ingest/document.js';
import type { EntityRecord, ParticipationRecord, TenureRecord } from '../graph/records.js';
import { isHeldAt, inSuccessionOrder, type ResolvedTenure } from '../graph/tenureTimeline.js';
import { notFound } from '../errors.js';
import type { RequestContext } from './context.js';
import { relatedEntity } from './entity.js';
import { factEvidence } from './evidence.js';

/** The resolved form (effective dates, neighbours) of tenure records, via their posts. */
async function resolveTenures(context: RequestContext, records: ReadonlyArray<TenureRecord>): Promise<ResolvedTenure[]> {
  const postIds = [...new Set(records.map((record) => record.postId))];
  const perPost = await context.loaders.postTenures.loadMany(postIds);
  const byId = new Map<string, ResolvedTenure>();
  for (const tenures of perPost) {
    if (tenures instanceof Error) throw tenures;
    for (const [id, tenure] of tenures) byId.set(id, tenure);
  }
  return records.map((record) => byId.get(record.id)).filter((tenure): tenure is ResolvedTenure => tenure !== undefined);
}

function heldAt(tenures: ResolvedTenure[], at: string | undefined | null): ResolvedTenure[] {
  return at ? tenures.filter((tenure) => isHeldAt(tenure, at)) : tenures;
}

/** All tenures of a post in succession order, optionally only those held on `at`. */
export async function postTenuresAt(context: RequestContext, postId: string, at: string | undefined | null) {
  const tenures = await context.loaders.postTenures.load(postId);
  return heldAt(inSuccessionOrder(tenures.values()), at);
}

export function byRole(records: ParticipationRecord[], role: ParticipationRole | undefined | null) {
  return role ? records.filter((record) => record.role === role) : records;
}

export const peopleResolvers = {
  Query: {
    roleHolders: async (_root: unknown, args: { post: string; at?: string | null }, context: RequestContext) => {
      const post = await context.loaders.entity.load(args.post);
      if (!post || post.kind !== 'POST') throw notFound('post', args.post);
      return postTenuresAt(context, args.post, args.at);
    },
  },
  Person: {
    tenures: async (person: EntityRecord, args: { at?: string | null }, context: RequestContext) => {
      const records = await context.loaders.personTenures.load(person.id);
      const tenures = await resolveTenures(context, records);
      return heldAt(inSuccessionOrder(tenures), args.at);
    },
    participations: async (person: EntityRecord, args: { role?: ParticipationRole | null }, context: RequestContext) =>
      byRole(await context.loaders.personParticipations.load(person.id), args.role),
  },
  Post: {
    organization: (post: EntityRecord, _args: unknown, context: RequestContext) =>
      relatedEntity(context, post, 'POST_OF', 'OUT'),
    tenures: (post: EntityRecord, args: { at?: string | null }, context: RequestContext) =>
      postTenuresAt(context, post.id, args.at),
  },
  Tenure: {
    person: (tenure: ResolvedTenure, _args: unknown, context: RequestContext) => context.loaders.entity.load(tenure.personId),
    post: (tenure: ResolvedTenure, _args: unknown, context: RequestContext) => context.loaders.entity.load(tenure.postId),
    predecessor: async (tenure: ResolvedTenure, _args: unknown, context: RequestContext) =>
      tenure.predecessorId ? (await context.loaders.postTenures.load(tenure.postId)).get(tenure.predecessorId) ?? null : null,
    successor: async (tenure: ResolvedTenure, _args: unknown, context: RequestContext) =>
      tenure.successorId ? (await context.loaders.postTenures.load(tenure.postId)).get(tenure.successorId) ?? null : null,
    evidence: factEvidence,
  },
  Participation: {
    person: (record: ParticipationRecord, _args: unknown, context: RequestContext) => context.loaders.entity.load(record.personId),
    event: (record: ParticipationRecord, _args: unknown, context: RequestContext) => context.loaders.entity.load(record.eventId),
    capacity: (record: ParticipationRecord, _args: unknown, context: RequestContext) =>
      record.capacityId ? context.loaders.entity.load(record.capacityId) : null,
    evidence: factEvidence,
  },
};
