/**
 * Entity lookups by id and the Entity interface. An unknown id answers null; every entity
 * type shares the evidence field (its mentions by sources).
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import { KIND_LABELS, type EntityKind } from '../model/document.js';
import type { EntityRecord } from '../graph/records.js';
import type { RequestContext } from './context.js';
import { notFound } from '../errors.js';
import { entityEvidence } from './evidence.js';
import type { GraphQLResolveInfo } from 'graphql';
import { planPerson } from '../plan/requestPlans.js';

/** Root field resolver: the entity with this id if it is of `kind` (any kind when undefined). */
export function entityOfKind(kind: EntityKind | undefined) {
  return async (_root: unknown, args: { id: string }, context: RequestContext): Promise<EntityRecord | null> => {
    const entity = await context.loaders.entity.load(args.id);
    if (!entity || (kind !== undefined && entity.kind !== kind)) return null;
    return entity;
  };
}

/**
 * The entity an argument names (as it resolves: a merged-away id gives the entity kept), of
 * `kind` when given; NOT_FOUND naming the argument otherwise.
 */
export async function requireEntity(context: RequestContext, argument: string, id: string, kind?: EntityKind): Promise<EntityRecord> {
  const entity = await context.loaders.entity.load(id);
  if (!entity || (kind !== undefined && entity.kind !== kind)) {
    throw notFound(`${kind === undefined ? 'entity' : kind.toLowerCase().replace('_', ' ')} (${argument})`, id);
  }
  return entity;
}

/**
 * An entity the graph guarantees (the person of a fact, the organization of a post): a missing
 * one means a broken store, answered as an internal error rather than a null the schema forbids.
 */
export async function existingEntity(context: RequestContext, id: string): Promise<EntityRecord> {
  const entity = await context.loaders.entity.load(id);
  if (!entity) throw new Error(`The graph refers to ${JSON.stringify(id)}, which is not there`);
  return entity;
}

const sharedEntityFields = { evidence: entityEvidence, aliases: (entity: EntityRecord) => entity.aliases ?? [] };

/** The same fields for every entity type, keyed by type name so the type check sees each one. */
function forEveryEntityType<Fields>(fields: Fields): Record<(typeof KIND_LABELS)[EntityKind], Fields> {
  return Object.fromEntries(Object.values(KIND_LABELS).map((typeName) => [typeName, fields])) as Record<(typeof KIND_LABELS)[EntityKind], Fields>;
}

export const entityResolvers = {
  Entity: {
    __resolveType: (entity: EntityRecord) => KIND_LABELS[entity.kind],
  },
  Query: {
    entity: entityOfKind(undefined),
    person: async (root: unknown, args: { id: string }, context: RequestContext, info: GraphQLResolveInfo) => {
      const planned = await planPerson(info, context, args.id);
      if (planned !== undefined) return planned?.kind === 'PERSON' ? planned : null;
      return entityOfKind('PERSON')(root, args, context);
    },
    organization: entityOfKind('ORGANIZATION'),
    post: entityOfKind('POST'),
    event: entityOfKind('EVENT'),
    policyTheme: entityOfKind('POLICY_THEME'),
    document: entityOfKind('DOCUMENT'),
    place: entityOfKind('PLACE'),
    source: entityOfKind('SOURCE'),
  },
  ...forEveryEntityType(sharedEntityFields),
} satisfies Resolvers;

/** Entities linked to `entity` by one relationship type, in one direction. */
export async function relatedEntities(
  context: RequestContext,
  entity: EntityRecord,
  type: string,
  direction: 'OUT' | 'IN',
): Promise<EntityRecord[]> {
  const related = await context.loaders.related.load({ id: entity.id, type, direction });
  return related.map((item) => item.entity);
}

/** The first entity linked by a relationship that has at most one target (parent, place, ...). */
export async function relatedEntity(
  context: RequestContext,
  entity: EntityRecord,
  type: string,
  direction: 'OUT' | 'IN',
): Promise<EntityRecord | null> {
  return (await relatedEntities(context, entity, type, direction))[0] ?? null;
}

/** The one entity a link the graph guarantees leads to (a post's organization). */
export async function requiredRelatedEntity(
  context: RequestContext,
  entity: EntityRecord,
  type: string,
  direction: 'OUT' | 'IN',
): Promise<EntityRecord> {
  const related = await relatedEntity(context, entity, type, direction);
  if (!related) throw new Error(`${JSON.stringify(entity.id)} has no ${type} link, which the graph guarantees`);
  return related;
}

/** Linked entities with the evidence of each link (ThemeLink and the like). */
export async function relatedWithEvidence(
  context: RequestContext,
  entity: EntityRecord,
  type: string,
  direction: 'OUT' | 'IN',
): Promise<Array<{ entity: EntityRecord; evidence: unknown }>> {
  const related = await context.loaders.related.load({ id: entity.id, type, direction });
  return related.map((item) => ({ entity: item.entity, evidence: item.relationship.evidence }));
}
