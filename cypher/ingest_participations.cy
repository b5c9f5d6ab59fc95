// ingest_participations: a person's part in an event, one relationship per role, with the post
// they acted in (capacity) and this source's evidence (see ingest_tenures for the format).
// $sourceId; $evidencePrefix; $participations: [{person, event, role, capacity, evidence}]
// Returns: person, event, role, created.
UNWIND $participations AS f
MATCH (person:Person {id: f.person}), (event:Event {id: f.event})
MERGE (person)-[r:PARTICIPATED_IN {role: f.role}]->(event)
WITH f, r, r.evidence IS NULL AS created
SET r.capacity = coalesce(f.capacity, r.capacity),
    r.evidence = [entry IN coalesce(r.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    r.sourceIds = [id IN coalesce(r.sourceIds, []) WHERE id <> $sourceId] + $sourceId
RETURN f.person AS person, f.event AS event, f.role AS role, created
