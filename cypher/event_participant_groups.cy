// event_participant_groups: groups of unnamed participants of events.
// $ids: event ids; $limit: most groups per event.
// Returns: id, groups [{id, name, role, eventId, organizationId, evidence}].
UNWIND $ids AS id
MATCH (event:Event {id: id})-[:HAS_PARTICIPANT_GROUP]->(g:ParticipantGroup)
OPTIONAL MATCH (g)-[:GROUP_OF]->(org:Organization)
WITH id, {id: g.id, name: g.name, role: g.role, eventId: event.id, organizationId: org.id, evidence: g.evidence} AS grp
ORDER BY grp.id
RETURN id, collect(grp)[..$limit] AS groups
