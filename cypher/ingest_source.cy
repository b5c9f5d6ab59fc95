// ingest_source: creates or updates one source with its metadata and full text.
// $source: {id, name, url, publisher, publishedDate, publishedDateNote, editor, language, retrievedAt, text, searchText}
// Returns: created (true when the source is new).
MERGE (s:Entity {id: $source.id})
WITH s, s.kind IS NULL AS created
SET s:Source, s += $source, s.kind = 'SOURCE', s.aliases = coalesce(s.aliases, [])
RETURN created
