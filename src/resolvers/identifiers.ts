/**
 * Identifiers in other registers on every entity kind, as {scheme, value} (stored as
 * "scheme:value" strings), and the lookup of an entity by one of them through the
 * entity_identifiers full-text index.
 */
import { badArgument } from '../errors.js';
import type { Resolvers } from '../generated/resolverTypes.js';
import type { EntityRecord } from '../graph/records.js';
import { KIND_LABELS } from '../model/document.js';
import { exactIdentifierQuery, identifierKey, parseIdentifier, SCHEME_PATTERN, type Identifier } from '../model/identifiers.js';
import type { RequestContext } from './context.js';

const identifiers = (entity: EntityRecord): Identifier[] =>
  (Array.isArray(entity.identifiers) ? (entity.identifiers as string[]) : []).flatMap((key) => parseIdentifier(key) ?? []);

async function entityByIdentifier(_root: unknown, args: { scheme: string; value: string }, context: RequestContext): Promise<EntityRecord | null> {
  if (!SCHEME_PATTERN.test(args.scheme)) throw badArgument('scheme', 'expected letters, digits, "_", "." or "-", such as wikidata', args.scheme);
  const value = args.value.trim();
  if (value === '' || value.length > 1_000) throw badArgument('value', 'expected a non-empty identifier of at most 1000 characters, such as Q7747', args.value);
  const key = identifierKey(args.scheme, value);
  const rows = await context.store.read('entities_by_identifier', { identifiers: [{ key, query: exactIdentifierQuery(key) }] });
  // Two entities with one identifier are a duplicate waiting for mergeEntities; the first by id answers.
  const id = rows[0]?.id;
  return id === undefined ? null : context.loaders.entity.load(id);
}

const onEveryKind = { identifiers };

export const identifierResolvers = {
  Query: { entityByIdentifier },
  ...(Object.fromEntries(Object.values(KIND_LABELS).map((typeName) => [typeName, onEveryKind])) as Record<
    (typeof KIND_LABELS)[keyof typeof KIND_LABELS],
    typeof onEveryKind
  >),
} satisfies Resolvers;
