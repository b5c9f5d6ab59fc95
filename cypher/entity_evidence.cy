// entity_evidence: the mentions of entities by sources, with each mention's quote and note.
// $ids: entity ids; $limit: most mentions per entity.  Returns: id, evidence [{sourceId, quote, note}].
UNWIND $ids AS id
MATCH (source:Source)-[m:MENTIONS]->(:Entity {id: id})
WITH id, source, m ORDER BY source.id
RETURN id, collect({sourceId: source.id, quote: m.quote, note: m.note})[..$limit] AS evidence
