/** All resolvers, merged type by type from the files that each own one part of the schema. */
import type { Resolvers } from '../generated/resolverTypes.js';
import { DateScalar, JsonScalar } from './scalars.js';
import { entityResolvers } from './entity.js';
import { evidenceResolvers } from './evidence.js';
import { peopleResolvers } from './people.js';
import { eventResolvers } from './events.js';
import { exploreResolvers } from './explore.js';
import { relationshipResolvers } from './relationships.js';
import { timelineResolvers } from './timeline.js';
import { mutationResolvers } from './mutations.js';
import { representationResolvers } from './representation.js';
import { identifierResolvers } from './identifiers.js';
import { passageResolvers } from './passages.js';
import { draftResolvers } from './draft.js';

type ResolverMap = Record<string, unknown>;

function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields instanceof Object && !(fields instanceof Function) && !('serialize' in fields)) {
        merged[typeName] = { ...(merged[typeName] ?? {}), ...(fields as Record<string, unknown>) };
      } else {
        (merged as ResolverMap)[typeName] = fields;
      }
    }
  }
  return merged;
}

/**
 * The merged map is checked against the types generated from schema.graphql
 * (src/generated/resolverTypes.ts): a resolver that returns the wrong shape fails the type check,
 * and so does a schema field that neither a resolver nor its parent record answers
 * (completeness.ts, which must list every map merged here).
 */
export const resolvers: Resolvers = mergeResolvers(
  { Date: DateScalar, JSON: JsonScalar },
  entityResolvers,
  evidenceResolvers,
  peopleResolvers,
  eventResolvers,
  exploreResolvers,
  relationshipResolvers,
  timelineResolvers,
  mutationResolvers,
  representationResolvers,
  identifierResolvers,
  passageResolvers,
  draftResolvers,
);
