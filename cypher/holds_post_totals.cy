// holds_post_totals: how many tenures and how many derived HOLDS_POST relationships the graph
// holds, both from Neo4j's count store (no scan): equal when every tenure has its link.
// $params: none.  Returns: tenures, links.
CALL () { MATCH (t:Tenure) RETURN count(t) AS tenures }
CALL () { MATCH ()-[link:HOLDS_POST]->() RETURN count(link) AS links }
RETURN tenures, links
