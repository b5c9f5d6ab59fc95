// merge_finish: the last step of a merge. `keep` takes `drop`'s name and aliases as aliases,
// its external identifiers, and any property it lacks; drop's old tenures and drop itself are
// deleted; a (:Redirect {id, target}) for drop and for each old tenure id makes the old ids
// resolve to the new ones, and redirects that pointed at drop or at an old tenure (from an
// earlier merge) now point at keep or the new tenure.
// $keep, $drop: entity ids; $tenureMoves: [{old, new}].  Returns: id (keep's id).
MATCH (keep:Entity {id: $keep}), (drop:Entity {id: $drop})
WITH keep, drop, properties(keep) AS kept, [drop.name] + coalesce(drop.aliases, []) AS dropNames,
     coalesce(keep.identifiers, []) AS keptIdentifiers
SET keep += drop {.*, id: $keep}
SET keep += kept
SET keep.identifiers = CASE WHEN keep.identifiers IS NULL THEN null
      ELSE keptIdentifiers + [identifier IN coalesce(drop.identifiers, []) WHERE NOT identifier IN keptIdentifiers] END
WITH keep, drop, reduce(acc = [], alias IN coalesce(keep.aliases, []) + dropNames |
       CASE WHEN alias = keep.name OR alias IN acc THEN acc ELSE acc + alias END) AS aliases
SET keep.aliases = aliases,
    keep.searchText = reduce(text = '', alias IN aliases | text + alias + ' | ')
WITH keep, drop
CALL () {
  UNWIND $tenureMoves AS move
  MATCH (old:Tenure {id: move.old})
  DETACH DELETE old
}
CALL () {
  MATCH (earlier:Redirect {target: $drop})
  SET earlier.target = $keep
}
CALL () {
  UNWIND $tenureMoves AS move
  MATCH (earlier:Redirect {target: move.old})
  SET earlier.target = move.new
}
DETACH DELETE drop
MERGE (redirect:Redirect {id: $drop})
SET redirect.target = $keep
FOREACH (move IN $tenureMoves |
  MERGE (tenureRedirect:Redirect {id: move.old})
  SET tenureRedirect.target = move.new)
RETURN keep.id AS id
