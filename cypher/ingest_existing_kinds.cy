// ingest_existing_kinds: which of the given ids already exist in the graph, and as what.
// Used before writing, to reject facts that point at unknown entities or at the wrong kind.
// An id that was merged into another (a :Redirect) answers for the entity it now points to.
// $ids: list of entity or tenure ids.  Returns: id (as asked), kind ("TENURE" for tenures),
// target (the id to write to: the asked id, or the redirect's target).
UNWIND $ids AS asked
OPTIONAL MATCH (redirect:Redirect {id: asked})
WITH asked, coalesce(redirect.target, asked) AS target
OPTIONAL MATCH (n:Entity {id: target})
OPTIONAL MATCH (t:Tenure {id: target})
WITH asked, target, coalesce(n.kind, CASE WHEN t IS NULL THEN null ELSE 'TENURE' END) AS kind
WHERE kind IS NOT NULL
RETURN asked AS id, kind, target
