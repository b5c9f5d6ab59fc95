// merge_entities_check: what the two ends of a merge are, before anything moves.
// $keep, $drop: entity ids.  Returns one row: keepKind, dropKind (null when there is no such
// entity), dropRedirectedTo (set when $drop was already merged into another entity).
OPTIONAL MATCH (keep:Entity {id: $keep})
OPTIONAL MATCH (drop:Entity {id: $drop})
OPTIONAL MATCH (redirect:Redirect {id: $drop})
RETURN keep.kind AS keepKind, drop.kind AS dropKind, redirect.target AS dropRedirectedTo
