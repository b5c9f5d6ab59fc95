/** What every resolver gets: the store, this request's loaders, the configuration. */
import type { Config } from '../config.js';
import type { GraphStore } from '../graph/graphStore.js';
import type { Loaders } from '../graph/loaders.js';

export interface RequestContext {
  store: GraphStore;
  loaders: Loaders;
  config: Config;
  /** True when the request carried the valid write token. */
  canWrite: boolean;
  requestId: string;
}
