/**
 * What data sets such as Popolo add to office-holding: the place a post represents (a
 * constituency seat) and the party a tenure was held on behalf of (identifiers are in
 * identifiers.ts). All through the per-request loaders, so a list of tenures costs no extra round trips.
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import type { EntityRecord, TenureRecord } from '../graph/records.js';
import type { RequestContext } from './context.js';
import { relatedEntity } from './entity.js';

export const representationResolvers = {
  Post: {
    represents: (post: EntityRecord, _args: unknown, context: RequestContext) => relatedEntity(context, post, 'REPRESENTS', 'OUT'),
  },
  Tenure: {
    onBehalfOf: async (tenure: TenureRecord, _args: unknown, context: RequestContext) => {
      if (!tenure.onBehalfOfId) return null;
      const organization = await context.loaders.entity.load(tenure.onBehalfOfId);
      return organization?.kind === 'ORGANIZATION' ? organization : null;
    },
  },
} satisfies Resolvers;
