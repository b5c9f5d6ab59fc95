/**
 * The `ingest` mutation's IngestInput is the ingest document with GraphQL types: one
 * EntityInput with `kind` and the optional fields of every kind, one FactInput with `type` and
 * the optional fields of every fact type. Fields the client left out arrive as null; dropping
 * them gives the JSON document, which then goes through the same zod validation as files, so a
 * field that does not belong to the kind is reported by path like any other problem.
 */
export function documentFromInput(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(documentFromInput);
  if (input !== null && typeof input === 'object') {
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([key, value]) => [key, documentFromInput(value)]),
    );
  }
  return input;
}
