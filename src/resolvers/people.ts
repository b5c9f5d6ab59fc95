/** Person, Post and Tenure: who held which post, when, and who came before and after. */
import type { Resolvers } from '../generated/resolverTypes.js';
import type { ParticipationRole } from '../model/document.js';
import type { EntityRecord, ParticipationRecord, TenureRecord } from '../graph/records.js';
import { badArgument, notFound } from '../errors.js';
import { ALL_TIME, dayRange, firstDay, lastDay, type DayRange } from '../model/partialDate.js';
import type { RequestContext } from './context.js';
import { existingEntity, requiredRelatedEntity } from './entity.js';
import { factEvidence } from './evidence.js';

/** The days `at` names, or all time when it is not given. */
export function daysAt(at: string | null | undefined): DayRange {
  return at ? dayRange(at, at) : ALL_TIME;
}

/** The days roleHolders asks about: `at`, or the `from`/`to` range, or all time. */
function heldDaysArguments(args: { at?: string | null; from?: string | null; to?: string | null }): DayRange {
  const from = args.from ?? null;
  const to = args.to ?? null;
  if (from === null && to === null) return daysAt(args.at);
  if (args.at) throw badArgument('at', 'expected either `at` or `from`/`to`, not both', args.at);
  if (from !== null && to !== null && firstDay(from) > lastDay(to)) {
    throw badArgument('to', `expected a date not before from (${from})`, to);
  }
  return dayRange(from, to);
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
      const days = heldDaysArguments(args);
      const post = await context.loaders.entity.load(args.post);
      if (!post || post.kind !== 'POST') throw notFound('post', args.post);
      return context.loaders.postTenures(days).load(post.id);
    },
  },
  Person: {
    tenures: (person: EntityRecord, args: { at?: string | null }, context: RequestContext) =>
      context.loaders.personTenures(daysAt(args.at)).load(person.id),
    participations: async (person: EntityRecord, args: { role?: ParticipationRole | null }, context: RequestContext) =>
      byRole(await context.loaders.personParticipations.load(person.id), args.role),
  },
  Post: {
    organization: (post: EntityRecord, _args: unknown, context: RequestContext) =>
      requiredRelatedEntity(context, post, 'POST_OF', 'OUT'),
    tenures: (post: EntityRecord, args: { at?: string | null }, context: RequestContext) =>
      context.loaders.postTenures(daysAt(args.at)).load(post.id),
    seats: (post: EntityRecord) => (typeof post.seats === 'number' ? post.seats : post.seats == null ? null : Number(post.seats)),
  },
  Tenure: {
    person: (tenure: TenureRecord, _args: unknown, context: RequestContext) => existingEntity(context, tenure.personId),
    post: (tenure: TenureRecord, _args: unknown, context: RequestContext) => existingEntity(context, tenure.postId),
    predecessor: (tenure: TenureRecord, _args: unknown, context: RequestContext) =>
      tenure.predecessorId ? context.loaders.tenure.load(tenure.predecessorId) : null,
    successor: (tenure: TenureRecord, _args: unknown, context: RequestContext) =>
      tenure.successorId ? context.loaders.tenure.load(tenure.successorId) : null,
    endIsDerived: (tenure: TenureRecord) => tenure.endIsDerived === true,
    evidence: factEvidence,
  },
  Participation: {
    person: (record: ParticipationRecord, _args: unknown, context: RequestContext) => existingEntity(context, record.personId),
    event: (record: ParticipationRecord, _args: unknown, context: RequestContext) => existingEntity(context, record.eventId),
    capacity: (record: ParticipationRecord, _args: unknown, context: RequestContext) =>
      record.capacityId ? context.loaders.entity.load(record.capacityId) : null,
    evidence: factEvidence,
  },
} satisfies Resolvers;
