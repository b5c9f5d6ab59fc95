// bulk_participations: one batch of participations of a bulk import, as ingest_participations
// writes them (one relationship per role, with the capacity), with the evidence of all their
// sources; entries already on the fact are kept once.
// $participations: [{person, event, role, capacity, evidence, sourceIds}].
// Returns: participations (how many were written).
UNWIND $participations AS f
MATCH (person:Person {id: f.person}), (event:Event {id: f.event})
MERGE (person)-[r:PARTICIPATED_IN {role: f.role}]->(event)
SET r.capacity = coalesce(f.capacity, r.capacity),
    r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry IN f.evidence] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE NOT id IN f.sourceIds] + f.sourceIds
RETURN count(r) AS participations
