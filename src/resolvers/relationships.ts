/**
 * Relationship questions: succession of a post, colleagues, interlocks between organizations,
 * and the Relay connections over the big lists (people, organizations, events, themes).
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import { badArgument } from '../errors.js';
import { CONNECTION_DEFAULT_FIRST, CONNECTION_MAX_FIRST, decodeCursor, toConnection } from '../graph/connections.js';
import type { EntityRecord } from '../graph/records.js';
import type { EntityKind } from '../model/document.js';
import type { RequestContext } from './context.js';
import { existingEntity, requireEntity } from './entity.js';
import { checkRange } from './explore.js';
import { daysAt } from './people.js';

export const COLLEAGUES_MAX_FIRST = 500;
export const INTERLOCKS_MAX_FIRST = 500;
/** Most rows of shared organizations, and of shared events, read for one person's colleagues. */
const COLLEAGUE_ROW_LIMIT = 5000;
const NAME_FILTER_MAX = 200;

type Context = RequestContext;

function pageArguments(args: { first?: number | null; after?: string | null }) {
  return {
    first: checkRange('first', args.first ?? CONNECTION_DEFAULT_FIRST, 1, CONNECTION_MAX_FIRST),
    after: decodeCursor('after', args.after),
  };
}

function nameFilter(nameContains: string | null | undefined): string | null {
  const text = nameContains?.trim().toLowerCase() ?? '';
  if (text.length > NAME_FILTER_MAX) {
    throw badArgument('nameContains', `expected at most ${NAME_FILTER_MAX} characters`, nameContains);
  }
  return text.length > 0 ? text : null;
}

interface ListArguments {
  first?: number | null;
  after?: string | null;
  nameContains?: string | null;
  at?: string | null;
  orgType?: string | null;
  eventType?: string | null;
}

function entityConnection(kind: EntityKind) {
  return async (_root: unknown, args: ListArguments, context: Context) => {
    const { first, after } = pageArguments(args);
    const [row] = await context.store.read('entity_page', {
      kind,
      first,
      after,
      nameContains: nameFilter(args.nameContains),
      type: args.orgType ?? args.eventType ?? null,
      ...asOfDays(args.at),
    });
    const entities = (row?.entities ?? []) as EntityRecord[];
    for (const entity of entities) context.loaders.entity.prime(entity.id, entity);
    return toConnection(entities, { totalCount: Number(row?.totalCount ?? 0), hasNextPage: row?.hasNextPage === true, after });
  };
}

/** The "as of" parameters of the queries that take one date: its first and last day, or nulls. */
function asOfDays(at: string | null | undefined): { atFirst: string | null; atLast: string | null } {
  const days = daysAt(at);
  return { atFirst: days.heldFirst, atLast: days.heldLast };
}

async function colleagues(context: Context, personId: string, at: string | null, first: number) {
  const rows = await context.store.read('person_colleagues', { id: personId, ...asOfDays(at), limit: COLLEAGUE_ROW_LIMIT });
  const shared = new Map<string, EntityRecord[]>();
  for (const row of rows) {
    const list = shared.get(row.colleagueId) ?? [];
    list.push(row.shared);
    shared.set(row.colleagueId, list);
  }
  return [...shared.entries()]
    .sort(([idA, a], [idB, b]) => b.length - a.length || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, first)
    .map(([id, items]) => ({ personId: id, shared: items }));
}

/** A nested connection over the entities linked by one relationship type and direction. */
function relatedConnection(type: string, direction: 'OUT' | 'IN') {
  return async (parent: EntityRecord, args: { first?: number | null; after?: string | null }, context: Context) => {
    const { first, after } = pageArguments(args);
    const page = await context.loaders.relatedPage.load({ id: parent.id, type, direction, after, first });
    return toConnection(page.entities, { totalCount: page.totalCount, hasNextPage: page.hasNextPage, after });
  };
}

export const relationshipResolvers = {
  Query: {
    succession: async (_root: unknown, args: { post: string }, context: Context) => {
      const post = await requireEntity(context, 'post', args.post, 'POST');
      return context.loaders.postTenures().load(post.id);
    },
    colleagues: async (_root: unknown, args: { person: string; at?: string | null; first?: number | null }, context: Context) => {
      const person = await requireEntity(context, 'person', args.person, 'PERSON');
      const first = checkRange('first', args.first ?? 100, 1, COLLEAGUES_MAX_FIRST);
      return colleagues(context, person.id, args.at ?? null, first);
    },
    interlocks: async (
      _root: unknown,
      args: { orgA: string; orgB: string; at?: string | null; first?: number | null },
      context: Context,
    ) => {
      const first = checkRange('first', args.first ?? 100, 1, INTERLOCKS_MAX_FIRST);
      const [orgA, orgB] = await Promise.all([
        requireEntity(context, 'orgA', args.orgA, 'ORGANIZATION'),
        requireEntity(context, 'orgB', args.orgB, 'ORGANIZATION'),
      ]);
      // Compared as resolved, so an id merged into orgA counts as orgA.
      if (orgA.id === orgB.id) throw badArgument('orgB', `expected an organization other than orgA`, args.orgB);
      const rows = await context.store.read('organization_interlocks', { orgA: orgA.id, orgB: orgB.id, ...asOfDays(args.at), limit: first });
      return rows;
    },
    people: entityConnection('PERSON'),
    organizations: entityConnection('ORGANIZATION'),
    events: entityConnection('EVENT'),
    policyThemes: entityConnection('POLICY_THEME'),
  },
  Colleague: {
    person: (colleague: { personId: string }, _args: unknown, context: Context) => existingEntity(context, colleague.personId),
  },
  Interlock: {
    person: (interlock: { personId: string }, _args: unknown, context: Context) => existingEntity(context, interlock.personId),
  },
  Organization: {
    postsConnection: relatedConnection('POST_OF', 'IN'),
    childrenConnection: relatedConnection('PART_OF', 'IN'),
    eventsConnection: relatedConnection('ORGANIZED_BY', 'IN'),
  },
  PolicyTheme: {
    eventsConnection: relatedConnection('ADDRESSED', 'IN'),
    eventCount: (theme: EntityRecord, _args: unknown, context: Context) => context.loaders.themeEventCount.load(theme.id),
    people: async (theme: EntityRecord, args: { first?: number | null; after?: string | null }, context: Context) => {
      const { first, after } = pageArguments(args);
      const page = await context.loaders.themePeople.load({ id: theme.id, after, first });
      return toConnection(page.people, { totalCount: page.totalCount, hasNextPage: page.hasNextPage, after });
    },
  },
} satisfies Resolvers;
