// ingest_passages: stores a source's text as passages (sentences; see src/passages/splitPassages.ts)
// for passage search: (:Source)-[:HAS_PASSAGE]->(:Passage {id, sourceId, start, end, text}),
// full-text indexed by passage_text. Passages keyed by their offsets are kept (text refreshed),
// those of an earlier version of the text that no longer exist are deleted, so re-ingesting the
// same text changes nothing and a changed text gets exactly its new passages.
// $sourceId; $ids: the ids of all passages below; $passages: [{id, start, end, text}]
// Returns: passages (how many the source has now).
MATCH (s:Source {id: $sourceId})
CALL (s) {
  MATCH (s)-[:HAS_PASSAGE]->(old:Passage)
  WHERE NOT old.id IN $ids
  DETACH DELETE old
}
CALL (s) {
  UNWIND $passages AS p
  MERGE (passage:Passage {id: p.id})
  ON CREATE SET passage.sourceId = $sourceId, passage.start = p.start, passage.end = p.end, passage.text = p.text
  ON MATCH SET passage.text = p.text
  MERGE (s)-[:HAS_PASSAGE]->(passage)
  RETURN count(passage) AS passages
}
RETURN passages
