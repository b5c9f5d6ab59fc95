// draft_gazetteer: the names the graph knows, for drafting an ingest document from a report's
// text: every entity but sources, with its aliases, and for a post its role and organization.
// $limit: most entities to read.
// Returns: id, kind, name, aliases, orgType, role, organizationId.
MATCH (n:Entity)
WHERE n.kind <> 'SOURCE'
WITH n
LIMIT $limit
OPTIONAL MATCH (n)-[:POST_OF]->(org:Organization)
WITH n, min(org.id) AS organizationId
RETURN n.id AS id, n.kind AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.orgType AS orgType, n.role AS role, organizationId
