// export_entities: the entities with the given ids (sources left out), with every property and
// the relations the record formats write: an organization's parent (PART_OF), a place's
// enclosing place (WITHIN), an event's organizers (ORGANIZED_BY), a post's organization
// (POST_OF) and represented place (REPRESENTS), an organization's places (BASED_IN).
// $ids.  Returns: entity (properties), relations ([{type, to}]) in type and target order.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.kind <> 'SOURCE'
OPTIONAL MATCH (n)-[r:PART_OF|WITHIN|ORGANIZED_BY|POST_OF|REPRESENTS|BASED_IN]->(target:Entity)
WITH n, r, target ORDER BY type(r), target.id
WITH n, [item IN collect({type: type(r), to: target.id}) WHERE item.type IS NOT NULL] AS relations
RETURN properties(n) AS entity, relations
ORDER BY n.id
