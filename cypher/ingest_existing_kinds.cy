// ingest_existing_kinds: which of the given ids already exist in the graph, and as what.
// Used before writing, to reject facts that point at unknown entities or at the wrong kind.
// $ids: list of entity or tenure ids.  Returns: id, kind ("TENURE" for tenures).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
OPTIONAL MATCH (t:Tenure {id: id})
WITH id, coalesce(n.kind, CASE WHEN t IS NULL THEN null ELSE 'TENURE' END) AS kind
WHERE kind IS NOT NULL
RETURN id, kind
