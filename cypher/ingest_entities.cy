// ingest_entities: creates or updates the entities one source mentions, and records the mention
// (the quote that attests the entity) as (:Source)-[:MENTIONS {quote, note}]->(entity).
// A known entity keeps its name; a different name from a new source becomes an alias, and
// identifiers from several sources add up.
// $sourceId; $entities: [{id, kind, label, name, aliases, properties, quote, note}]
// Returns: id, created (true when the entity is new).
MATCH (s:Source {id: $sourceId})
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
WITH s, e, n, n.kind IS NULL AS created, coalesce(n.identifiers, []) AS knownIdentifiers
SET n:$(e.label), n += e.properties, n.kind = e.kind, n.name = coalesce(n.name, e.name)
SET n.identifiers = CASE WHEN e.properties.identifiers IS NULL THEN n.identifiers
      ELSE knownIdentifiers + [identifier IN e.properties.identifiers WHERE NOT identifier IN knownIdentifiers] END
WITH s, e, n, created,
     reduce(acc = [], alias IN coalesce(n.aliases, []) + [e.name] + e.aliases |
       CASE WHEN alias = n.name OR alias IN acc THEN acc ELSE acc + alias END) AS aliases
SET n.aliases = aliases,
    n.searchText = reduce(text = '', alias IN aliases | text + alias + ' | ')
MERGE (s)-[m:MENTIONS]->(n)
SET m.quote = e.quote, m.note = e.note
RETURN e.id AS id, created
