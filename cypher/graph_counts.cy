// graph_counts: how many nodes and relationships the database holds (the tests' idempotence checks).
// $params: none.  Returns: nodes, relationships.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
