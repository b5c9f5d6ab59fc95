/**
 * Plans for the common root fields: read the field's selection set (lookahead.ts), fetch what
 * its nested resolvers will need in one Cypher statement, and prime this request's DataLoaders
 * with it, so the nested resolvers answer from the cache and the request costs one round trip.
 * The resolvers stay as they are: whatever a plan does not fetch (an unusual field, the same
 * field asked with two argument sets, evidence sources) they load through the loaders as before,
 * so a planned answer is the unplanned answer. Switched off with OFFICEGRAPH_PLAN_REQUESTS=false.
 *
 * Planned:
 * - person(id) { tenures(at) { post { organization } } }      plan_person
 * - people(first, after, nameContains, at) { totalCount edges { node { tenures(at) { post { organization } } } } }
 *                                                            plan_people_page (totalCount only when selected)
 * - roleHolders(post, at | from, to) { person }               plan_role_holders
 * (search and neighborhood(depth: 1) are one statement each by themselves.)
 * Root fields asked several times in one request (aliases) with the same selection share one
 * statement: plans are batched per request like the loaders.
 */
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { NESTED_LIST_LIMIT } from '../graph/loaders.js';
import type { PlannedPost } from '../graph/cypherQueries.js';
import type { EntityRecord, TenureRecord } from '../graph/records.js';
import { ALL_TIME, dayRange, isPartialDate, type DayRange } from '../model/partialDate.js';
import type { RequestContext } from '../resolvers/context.js';
import { fieldsAt, onlyArguments, selectionOf, selects, type SelectedField } from './lookahead.js';

/** What a request asks of the tenures under a person. */
interface TenureTree {
  withTenures: boolean;
  withPosts: boolean;
  withOrganizations: boolean;
  days: DayRange;
}

const NO_TREE: TenureTree = { withTenures: false, withPosts: false, withOrganizations: false, days: ALL_TIME };

/** The tenures a selection of people asks for, or none when they are not asked or asked two ways. */
function tenureTree(people: SelectedField[]): TenureTree {
  const uses = people.flatMap((person) => fieldsAt(person, 'tenures'));
  const args = onlyArguments(uses);
  if (!args) return NO_TREE;
  const at = args.at ?? null;
  if (at !== null && (typeof at !== 'string' || !isPartialDate(at))) return NO_TREE; // the resolver reports it
  const posts = uses.flatMap((use) => fieldsAt(use, 'post'));
  return {
    withTenures: true,
    withPosts: posts.length > 0,
    withOrganizations: posts.some((post) => selects(post, 'organization')),
    days: at ? dayRange(at, at) : ALL_TIME,
  };
}

function treeParams(tree: TenureTree) {
  return {
    heldFirst: tree.days.heldFirst,
    heldLast: tree.days.heldLast,
    withTenures: tree.withTenures,
    withPosts: tree.withPosts,
    withOrganizations: tree.withOrganizations,
    limit: NESTED_LIST_LIMIT,
  };
}

function primeTree(context: RequestContext, personId: string, tree: TenureTree, tenures: TenureRecord[], posts: PlannedPost[]): void {
  if (!tree.withTenures) return;
  context.loaders.personTenures(tree.days).prime(personId, tenures);
  for (const { post, organizations } of posts) {
    context.loaders.entity.prime(post.id, post);
    if (tree.withOrganizations) {
      context.loaders.related.prime({ id: post.id, type: 'POST_OF', direction: 'OUT' }, organizations);
      for (const organization of organizations) context.loaders.entity.prime(organization.entity.id, organization.entity);
    }
  }
}

/** This request's plan loaders, one per plan and parameter set, so same-shaped root fields batch. */
const planLoaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

function planLoader<Row>(context: RequestContext, key: string, load: (ids: string[]) => Promise<Map<string, Row>>): DataLoader<string, Row | null> {
  let loaders = planLoaders.get(context.loaders);
  if (!loaders) planLoaders.set(context.loaders, (loaders = new Map()));
  let loader = loaders.get(key) as DataLoader<string, Row | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, Row | null>(async (ids) => {
      const rows = await load([...ids]);
      return ids.map((id) => rows.get(id) ?? null);
    });
    loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** person(id) with its tenures in one read; undefined when there is nothing to plan (no tenures asked). */
export async function planPerson(info: GraphQLResolveInfo, context: RequestContext, id: string): Promise<EntityRecord | null | undefined> {
  if (!context.config.planRequests) return undefined;
  const tree = tenureTree([selectionOf(info)]);
  if (!tree.withTenures) return undefined;
  const params = treeParams(tree);
  const row = await planLoader(context, `plan_person ${JSON.stringify(params)}`, async (ids) => {
    const rows = await context.store.read('plan_person', { ids, ...params });
    return new Map(rows.map((item) => [item.id, item]));
  }).load(id);
  if (!row) return null;
  context.loaders.entity.prime(id, row.person);
  context.loaders.entity.prime(row.person.id, row.person);
  if (row.person.kind === 'PERSON') primeTree(context, row.person.id, tree, row.tenures, row.posts);
  return row.person;
}

export interface PlannedPage {
  entities: EntityRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

/** One page of people with what the selection asks of their tenures; totalCount only when selected. */
export async function planPeoplePage(
  info: GraphQLResolveInfo,
  context: RequestContext,
  page: { first: number; after: string | null; nameContains: string | null; atFirst: string | null; atLast: string | null },
): Promise<PlannedPage | undefined> {
  if (!context.config.planRequests) return undefined;
  const selection = selectionOf(info);
  const tree = tenureTree(fieldsAt(selection, 'edges', 'node'));
  const [row] = await context.store.read('plan_people_page', {
    ...page,
    withTotalCount: selects(selection, 'totalCount'),
    ...treeParams(tree),
  });
  const entities: EntityRecord[] = [];
  for (const person of row?.people ?? []) {
    entities.push(person.entity);
    context.loaders.entity.prime(person.entity.id, person.entity);
    primeTree(context, person.entity.id, tree, person.tenures, person.posts);
  }
  return { entities, totalCount: Number(row?.totalCount ?? 0), hasNextPage: row?.hasNextPage === true };
}

/** roleHolders in one read: the post, its tenures held in `days` and, when asked, their holders. */
export async function planRoleHolders(
  info: GraphQLResolveInfo,
  context: RequestContext,
  postId: string,
  days: DayRange,
): Promise<{ post: EntityRecord | null; tenures: TenureRecord[] } | undefined> {
  if (!context.config.planRequests) return undefined;
  const params = { heldFirst: days.heldFirst, heldLast: days.heldLast, limit: NESTED_LIST_LIMIT, withPersons: selects(selectionOf(info), 'person') };
  const row = await planLoader(context, `plan_role_holders ${JSON.stringify(params)}`, async (posts) => {
    const rows = await context.store.read('plan_role_holders', { posts, ...params });
    return new Map(rows.map((item) => [item.asked, item]));
  }).load(postId);
  if (!row) return { post: null, tenures: [] };
  context.loaders.entity.prime(postId, row.post);
  context.loaders.entity.prime(row.post.id, row.post);
  if (row.post.kind !== 'POST') return { post: row.post, tenures: [] };
  context.loaders.postTenures(days).prime(row.post.id, row.tenures);
  for (const person of row.persons) context.loaders.entity.prime(person.id, person);
  return { post: row.post, tenures: row.tenures };
}
