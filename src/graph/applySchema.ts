/** Creates the constraints and indexes (idempotent) and waits until the indexes are online. */
import type { GraphStore } from './graphStore.js';
import { splitStatements, type QueryTexts } from './queries.js';

export async function applySchema(store: GraphStore, queries: QueryTexts): Promise<void> {
  for (const statement of splitStatements(queries.schema_constraints)) {
    await store.runSchemaStatement(statement);
  }
}
