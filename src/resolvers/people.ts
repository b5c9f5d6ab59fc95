/** Person, Post and Tenure: who held which post, when, and who came before and after. */
import type { ParticipationRole } from '../model/document.js';
import type { EntityRecord, ParticipationRecord, TenureRecord } from '../graph/records.js';
import { isHeldAt, isHeldDuring, inSuccessionOrder, type ResolvedTenure } from '../graph/tenureTimeline.js';
import { badArgument, notFound } from '../errors.js';
import { firstDay, lastDay } from '../model/partialDate.js';
import type { RequestContext } from './context.js';
import { relatedEntity } from './entity.js';
import { factEvidence } from './evidence.js';

/** The resolved form (effective dates, neighbours) of the tenures named, in the order given, via their posts. */
export async function resolveTenures(
  context: RequestContext,
  records: ReadonlyArray<Pick<TenureRecord, 'id' | 'postId'>>,
): Promise<ResolvedTenure[]> {
  const postIds = [...new Set(records.map((record) => record.postId))];
  const perPost = await context.loaders.postTenures.loadMany(postIds);
  const byId = new Map<string, ResolvedTenure>();
  for (const tenures of perPost) {
    if (tenures instanceof Error) throw tenures;
    for (const [id, tenure] of tenures) byId.set(id, tenure);
  }
  return records.map((record) => byId.get(record.id)).filter((tenure): tenure is ResolvedTenure => tenure !== undefined);
}

export function heldAt(tenures: ResolvedTenure[], at: string | undefined | null): ResolvedTenure[] {
  return at ? tenures.filter((tenure) => isHeldAt(tenure, at)) : tenures;
}

/** All tenures of a post in succession order, optionally only those held on `at`. */
export async function postTenuresAt(context: RequestContext, postId: string, at: string | undefined | null) {
  const tenures = await context.loaders.postTenures.load(postId);
  return heldAt(inSuccessionOrder(tenures.values()), at);
}

/** The `from`/`to` range of roleHolders, or null when neither is given. */
function heldBetweenArguments(args: { at?: string | null; from?: string | null; to?: string | null }) {
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from === null && to === null) return null;
  if (args.at) throw badArgument('at', 'expected either `at` or `from`/`to`, not both', args.at);
  if (from !== null && to !== null && firstDay(from) > lastDay(to)) {
    throw badArgument('to', `expected a date not before from (${from})`, to);
  }
  return { from, to };
}

export function byRole(records: ParticipationRecord[], role: ParticipationRole | undefined | null) {
  return role ? records.filter((record) => record.role === role) : records;
}

export const peopleResolvers = {
  Query: {
    roleHolders: async (
      _root: unknown,
      args: { post: string; at?: string | null; from?: string | null; to?: string | null },
      context: RequestContext,
    ) => {
      const between = heldBetweenArguments(args);
      const post = await context.loaders.entity.load(args.post);
      if (!post || post.kind !== 'POST') throw notFound('post', args.post);
      if (between === null) return postTenuresAt(context, post.id, args.at);
      const tenures = await postTenuresAt(context, post.id, null);
      return tenures.filter((tenure) => isHeldDuring(tenure, between.from, between.to));
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
