// bulk_checkpoint_mark: records that one batch of a bulk import is written. Runs in the batch's
// own write transaction, so the mark and the batch commit together or not at all.
// $id: "<data set id>/<stage>/<batch size>/<batch number>"; $records: records in the batch.
// Returns: id.
MERGE (c:ImportBatch {id: $id})
SET c.records = $records, c.at = datetime()
RETURN c.id AS id
