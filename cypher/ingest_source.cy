// ingest_source: creates or updates one source with its metadata and full text.
// referencedIds (the graph ids its facts point at without mentioning them, which retract_source
// starts from) add up over re-ingests, like its mentions do, because the facts an earlier
// version of the document stated stay in the graph.
// $source: {id, name, url, publisher, publishedDate, publishedDateNote, editor, language, retrievedAt, text, searchText, referencedIds}
// Returns: created (true when the source is new).
MERGE (s:Entity {id: $source.id})
WITH s, s.kind IS NULL AS created, coalesce(s.referencedIds, []) AS knownReferencedIds
SET s:Source, s += $source, s.kind = 'SOURCE', s.aliases = coalesce(s.aliases, [])
WITH s, created, knownReferencedIds + [id IN coalesce($source.referencedIds, []) WHERE NOT id IN knownReferencedIds] AS referencedIds
SET s.referencedIds = CASE WHEN size(referencedIds) = 0 THEN null ELSE referencedIds END
RETURN created
