// ingest_tenures: creates or updates tenures (a person holding a post) with this source's evidence.
// Evidence is a list of JSON strings {"s": sourceId, "q": quote, "n": note}; this source's old
// entry is replaced, other sources' entries are kept. sourceIds lists the supporting sources.
// The start date is part of the id; an end date stays when a later source states the tenure
// without one.
// $sourceId; $evidencePrefix: the JSON prefix of this source's entries;
// The party a tenure was held on behalf of is (t)-[:ON_BEHALF_OF]->(org), with the evidence of
// the sources that state it, so retracting a source takes back exactly its claim, and a source
// that now names another party (or none) withdraws its earlier claim.
// The end of the term a tenure belongs to (termEnd) is kept like its end date.
// $tenures: [{id, person, post, startDate, endDate, termEnd, onBehalfOf (organization id or null), evidence}]
// Returns: id, created.
UNWIND $tenures AS f
MATCH (person:Person {id: f.person}), (post:Post {id: f.post})
MERGE (t:Tenure {id: f.id})
WITH f, person, post, t, t.evidence IS NULL AS created
SET t.startDate = f.startDate, t.endDate = coalesce(f.endDate, t.endDate), t.termEnd = coalesce(f.termEnd, t.termEnd),
    t.evidence = [entry IN coalesce(t.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    t.sourceIds = [id IN coalesce(t.sourceIds, []) WHERE id <> $sourceId] + $sourceId
MERGE (person)-[:HOLDS]->(t)
MERGE (t)-[:OF_POST]->(post)
WITH f, t, created
CALL (f, t) {
  MATCH (t)-[stale:ON_BEHALF_OF]->(other:Organization)
  WHERE other.id <> coalesce(f.onBehalfOf, '') AND $sourceId IN stale.sourceIds
  SET stale.sourceIds = [id IN stale.sourceIds WHERE id <> $sourceId],
      stale.evidence = [entry IN stale.evidence WHERE NOT entry STARTS WITH $evidencePrefix]
  WITH stale WHERE size(stale.sourceIds) = 0
  DELETE stale
}
CALL (f, t) {
  MATCH (org:Organization {id: f.onBehalfOf})
  MERGE (t)-[r:ON_BEHALF_OF]->(org)
  SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
      r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE id <> $sourceId] + $sourceId
}
RETURN f.id AS id, created
