// search_passages: full-text search over the passages of every source text (index passage_text,
// CJK analyzer: Chinese bigrams and Latin words).
// $query: a Lucene query built from the user's text with every special character escaped;
// $first: how many passages to return.
// Returns: passage {id, sourceId, start, end, text}, score; best first, then by source and offset.
CALL db.index.fulltext.queryNodes('passage_text', $query, {limit: $first}) YIELD node, score
RETURN node {.id, .sourceId, .start, .end, .text} AS passage, score
ORDER BY score DESC, passage.sourceId, passage.start
