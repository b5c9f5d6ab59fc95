// Generates src/generated/resolverTypes.ts from schema.graphql with GraphQL Code Generator
// (typescript + typescript-resolvers), so the resolvers are type-checked against the schema: a
// field returning the wrong shape fails `tsc`. Run by `npm run build` and `npm test`; the output
// is not committed. Parents are the plain records the Cypher queries return (the mappers below).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import { buildSchema, parse, printSchema } from 'graphql';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const records = '../graph/records.js';
const entity = `${records}#EntityRecord`;

export async function generateResolverTypes() {
  const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
  const output = await codegen({
    filename: 'src/generated/resolverTypes.ts',
    schema: parse(printSchema(schema)),
    documents: [],
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: resolversPlugin },
    config: {
      useTypeImports: true,
      contextType: '../resolvers/context.js#RequestContext',
      scalars: { Date: 'string', JSON: 'unknown' },
      enumsAsTypes: true,
      mappers: {
        Entity: entity,
        Person: entity,
        Organization: entity,
        Post: entity,
        Event: entity,
        PolicyTheme: entity,
        Document: entity,
        Place: entity,
        Source: entity,
        Tenure: `${records}#TenureRecord`,
        Participation: `${records}#ParticipationRecord`,
        ParticipantGroup: `${records}#ParticipantGroupRecord`,
        Evidence: `${records}#EvidenceRecord`,
        ThemeLink: `${records}#ThemeLinkRecord`,
        Colleague: `${records}#ColleagueRecord`,
        Interlock: `${records}#InterlockRecord`,
        GraphEdge: '../graph/graphElements.js#GraphEdge as GraphEdgeModel',
      },
    },
  });
  const file = path.join(root, 'src', 'generated', 'resolverTypes.ts');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `// Generated from schema.graphql by scripts/generate-resolver-types.mjs; do not edit.\n${output}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await generateResolverTypes();
