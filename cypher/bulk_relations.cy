// bulk_relations: one batch of plain facts between entities (POST_OF, PART_OF, ADDRESSED, ...)
// of a bulk import. Each record carries the evidence entries of all its sources (the stored
// format of ingest_tenures); entries already on the fact are kept once.
// $relations: [{type, from, to, evidence, sourceIds}].
// Returns: relations (how many were written).
UNWIND $relations AS f
MATCH (a:Entity {id: f.from}), (b:Entity {id: f.to})
MERGE (a)-[r:$(f.type)]->(b)
SET r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry IN f.evidence] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE NOT id IN f.sourceIds] + f.sourceIds
RETURN count(r) AS relations
