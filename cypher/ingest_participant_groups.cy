// ingest_participant_groups: groups of unnamed people who took part in an event ("heads of
// relevant provincial departments"), optionally tied to an organization, with evidence.
// $sourceId; $evidencePrefix; $groups: [{id, event, name, role, organization, evidence}]
// Returns: id, created.
UNWIND $groups AS f
MATCH (event:Event {id: f.event})
MERGE (g:ParticipantGroup {id: f.id})
WITH f, event, g, g.evidence IS NULL AS created
SET g.name = f.name, g.role = f.role,
    g.evidence = [entry IN coalesce(g.evidence, []) WHERE NOT entry STARTS WITH $evidencePrefix] + f.evidence,
    g.sourceIds = [id IN coalesce(g.sourceIds, []) WHERE id <> $sourceId] + $sourceId
MERGE (event)-[:HAS_PARTICIPANT_GROUP]->(g)
WITH f, g, created
CALL (f, g) {
  MATCH (org:Organization {id: f.organization})
  MERGE (g)-[:GROUP_OF]->(org)
}
RETURN f.id AS id, created
