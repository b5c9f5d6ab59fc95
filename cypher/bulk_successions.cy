// bulk_successions: one batch of stated successions of a bulk import,
// (later:Tenure)-[:SUCCEEDS]->(earlier:Tenure), with the evidence of all their sources.
// $successions: [{from, to, evidence, sourceIds}] where from succeeds to.
// Returns: successions (how many were written).
UNWIND $successions AS f
MATCH (later:Tenure {id: f.from}), (earlier:Tenure {id: f.to})
MERGE (later)-[r:SUCCEEDS]->(earlier)
SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry IN f.evidence] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE NOT id IN f.sourceIds] + f.sourceIds
RETURN count(r) AS successions
