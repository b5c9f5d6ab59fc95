// bulk_entities: one batch of entities of a bulk import, created or updated as ingest_entities
// does (a known entity keeps its name, other names become aliases), each with the mentions of
// every source that names it: (:Source)-[:MENTIONS {quote, note}]->(entity).
// $entities: [{id, kind, label, name, aliases, properties, mentions: [{s: source id, q: quote}]}].
// Returns: entities (how many were written).
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
SET n:$(e.label), n += e.properties, n.kind = e.kind, n.name = coalesce(n.name, e.name)
WITH e, n,
     reduce(acc = [], alias IN coalesce(n.aliases, []) + [e.name] + e.aliases |
       CASE WHEN alias = n.name OR alias IN acc THEN acc ELSE acc + alias END) AS aliases
SET n.aliases = aliases,
    n.searchText = reduce(text = '', alias IN aliases | text + alias + ' | ')
WITH e, n
CALL (e, n) {
  UNWIND e.mentions AS mention
  MATCH (s:Source {id: mention.s})
  MERGE (s)-[m:MENTIONS]->(n)
  SET m.quote = mention.q, m.note = null
}
RETURN count(n) AS entities
