// ingest_successions: stated successions, (later:Tenure)-[:SUCCEEDS]->(earlier:Tenure), with evidence.
// $sourceId; $evidencePrefix; $successions: [{from, to, evidence}] where from succeeds to.
// Returns: from, to, created.
UNWIND $successions AS f
MATCH (later:Tenure {id: f.from}), (earlier:Tenure {id: f.to})
MERGE (later)-[r:SUCCEEDS]->(earlier)
WITH f, r, r.evidence IS NULL AS created
SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE id <> $sourceId] + $sourceId
RETURN f.from AS from, f.to AS to, created
