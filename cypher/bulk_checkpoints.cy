// bulk_checkpoints: the batches of a bulk import already written, so a second run skips them.
// $prefix: the data set's checkpoint prefix ("<data set id>/").
// Returns: id (one per finished batch).
MATCH (c:ImportBatch)
WHERE c.id STARTS WITH $prefix
RETURN c.id AS id
