// neighborhood_edges: every edge between two of the given entities (the edges_among fragment):
// the last step of a neighbourhood, which keeps only edges inside the result.
// $ids: entity ids; $includeSources: whether MENTIONS edges count; $atFirst, $atLast: first and
// last day of the "as of" date, or both null.
// Returns: edges [{type, source, target, properties}].
WITH $ids AS ids
{{edges_among ids}}
RETURN edges
