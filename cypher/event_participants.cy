// event_participants: the people who took part in events, one record per role.
// $ids: event ids; $limit: most records per event.
// Returns: id, participations [{personId, eventId, role, capacityId, evidence}].
UNWIND $ids AS id
MATCH (person:Person)-[r:PARTICIPATED_IN]->(event:Event {id: id})
WITH id, {personId: person.id, eventId: event.id, role: r.role, capacityId: r.capacity, evidence: r.evidence} AS participation
ORDER BY participation.personId, participation.role
RETURN id, collect(participation)[..$limit] AS participations
