/** Passage search over the source texts: Query.passages and PassageHit. */
import { badArgument } from '../errors.js';
import { searchPassages, type PassageHit } from '../passages/searchPassages.js';
import type { RequestContext } from './context.js';
import { checkRange, SEARCH_MAX_FIRST, SEARCH_MAX_TEXT } from './explore.js';

export const passageResolvers = {
  Query: {
    passages: async (_root: unknown, args: { text: string; first?: number | null }, context: RequestContext) => {
      const text = args.text.trim();
      if (text.length === 0 || text.length > SEARCH_MAX_TEXT) {
        throw badArgument('text', `expected 1 to ${SEARCH_MAX_TEXT} characters`, args.text.slice(0, SEARCH_MAX_TEXT + 20));
      }
      const first = checkRange('first', args.first ?? 10, 1, SEARCH_MAX_FIRST);
      return searchPassages(context.store, text, first);
    },
  },
  PassageHit: {
    source: (hit: PassageHit, _args: unknown, context: RequestContext) => context.loaders.entity.load(hit.sourceId),
  },
};
