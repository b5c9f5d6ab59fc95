// bulk_tenures: one batch of tenures of a bulk import, as ingest_tenures writes them (stated
// dates, the end of the term, the party held on behalf of), with the evidence of all their
// sources; entries already on the tenure are kept once. Intervals are computed afterwards
// (recomputeTenureIntervals, in the import's intervals stage).
// $tenures: [{id, person, post, startDate, endDate, termEnd, onBehalfOf, evidence, sourceIds}].
// Returns: tenures (how many were written).
UNWIND $tenures AS f
MATCH (person:Person {id: f.person}), (post:Post {id: f.post})
MERGE (t:Tenure {id: f.id})
SET t.startDate = f.startDate, t.endDate = coalesce(f.endDate, t.endDate), t.termEnd = coalesce(f.termEnd, t.termEnd),
    t.evidence = [entry IN coalesce(t.evidence, []) WHERE NOT entry IN f.evidence] + f.evidence,
    t.sourceIds = [id IN coalesce(t.sourceIds, []) WHERE NOT id IN f.sourceIds] + f.sourceIds
MERGE (person)-[:HOLDS]->(t)
MERGE (t)-[:OF_POST]->(post)
WITH f, t
CALL (f, t) {
  MATCH (org:Organization {id: f.onBehalfOf})
  MERGE (t)-[r:ON_BEHALF_OF]->(org)
  SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry IN f.evidence] + f.evidence,
      r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE NOT id IN f.sourceIds] + f.sourceIds
}
RETURN count(t) AS tenures
