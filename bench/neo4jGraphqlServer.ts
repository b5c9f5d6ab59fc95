/**
 * The @neo4j/graphql side of the three-way benchmark: the library's generated schema over
 * bench/neo4jGraphql.graphql (its @cypher walks shared with the hand-written side), served by Apollo Server over HTTP on a loopback port, in its own
 * process like officegraph. String comparison filters are switched on so tenures can be
 * filtered on the stored days (heldFrom, heldTo), as officegraph's tenure_held fragment does.
 * Prints "NEO4J_GRAPHQL_READY <url>" when it serves. Env: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { NEIGHBORHOOD_2_WALK, PATHS_WALK } from './threeWayQuestions.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WALKS: Record<string, string> = { NEIGHBORHOOD_2_WALK, PATHS_WALK };
/** The type definitions with each {{NAME}} replaced by the hand-written side's walk of that name. */
const typeDefs = readFileSync(path.join(here, 'neo4jGraphql.graphql'), 'utf8').replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
  const walk = WALKS[name];
  if (walk === undefined) throw new Error(`bench/neo4jGraphql.graphql names an unknown walk: ${placeholder}`);
  return walk;
});
const driver = neo4j.driver(process.env.NEO4J_URI as string, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
const library = new Neo4jGraphQL({
  typeDefs,
  driver,
  features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
});
const schema = await library.getSchema();
const apollo = new ApolloServer({ schema });
await apollo.start();
const app = express();
app.use('/graphql', express.json({ limit: '5mb' }), expressMiddleware(apollo));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`NEO4J_GRAPHQL_READY http://127.0.0.1:${address.port}\n`);
});
const stop = () => {
  server.close();
  void apollo.stop().then(() => driver.close()).then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
