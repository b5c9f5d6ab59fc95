// ingest_tenures: creates or updates tenures (a person holding a post) with this source's evidence.
// Evidence is a list of JSON strings {"s": sourceId, "q": quote, "n": note}; this source's old
// entry is replaced, other sources' entries are kept. sourceIds lists the supporting sources.
// $sourceId; $evidencePrefix: the JSON prefix of this source's entries;
// $tenures: [{id, person, post, startDate, endDate, onBehalfOf (organization id or null), evidence}]
// Returns: id, created.
UNWIND $tenures AS f
MATCH (person:Person {id: f.person}), (post:Post {id: f.post})
MERGE (t:Tenure {id: f.id})
WITH f, person, post, t, t.evidence IS NULL AS created
SET t.startDate = f.startDate, t.endDate = f.endDate,
    t.evidence = [entry IN coalesce(t.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    t.sourceIds = [id IN coalesce(t.sourceIds, []) WHERE id <> $sourceId] + $sourceId
MERGE (person)-[:HOLDS]->(t)
MERGE (t)-[:OF_POST]->(post)
WITH f, t, created
CALL (f, t) {
  MATCH (org:Organization {id: f.onBehalfOf})
  MERGE (t)-[:ON_BEHALF_OF]->(org)
}
RETURN f.id AS id, created
