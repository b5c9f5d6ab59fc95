// person_participations: the events people took part in, one record per role.
// $ids: person ids; $limit: most records per person.
// Returns: id, participations [{personId, eventId, role, capacityId, evidence}].
UNWIND $ids AS id
MATCH (person:Person {id: id})-[r:PARTICIPATED_IN]->(event:Event)
WITH id, {personId: person.id, eventId: event.id, role: r.role, capacityId: r.capacity, evidence: r.evidence} AS participation
ORDER BY participation.eventId, participation.role
RETURN id, collect(participation)[..$limit] AS participations
