// bulk_sources: one batch of sources of a bulk import (npm run import:bulk), created or updated
// with their metadata and full text, as ingest_source writes one.
// $sources: [{id, name, publisher, publishedDate, language, text}].
// Returns: sources (how many were written).
UNWIND $sources AS source
MERGE (s:Entity {id: source.id})
SET s:Source, s += source, s.kind = 'SOURCE', s.aliases = coalesce(s.aliases, []),
    s.searchText = source.name + ' | ' + coalesce(source.publisher, '')
RETURN count(s) AS sources
