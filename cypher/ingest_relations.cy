// ingest_relations: creates or updates plain facts between two entities (POST_OF, PART_OF,
// ADDRESSED, ...) with this source's evidence (see ingest_tenures for the evidence format).
// $sourceId; $evidencePrefix; $relations: [{type, from, to, evidence}]
// Returns: from, type, to, created.
UNWIND $relations AS f
MATCH (a:Entity {id: f.from}), (b:Entity {id: f.to})
MERGE (a)-[r:$(f.type)]->(b)
WITH f, r, r.evidence IS NULL AS created
SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE id <> $sourceId] + $sourceId
RETURN f.from AS from, f.type AS type, f.to AS to, created
