// bulk_checkpoints_mark_all: records many batches of a bulk import as written at once, as
// bulk_checkpoint_mark does for one. The first load (neo4j-admin import) writes every batch of
// the six record stages together, then marks them, so a later import:bulk skips them.
// $batches: [{id: "<data set id>/<stage>/<batch size>/<batch number>", records}].
// Returns: batches (how many were marked).
UNWIND $batches AS batch
MERGE (c:ImportBatch {id: batch.id})
SET c.records = batch.records, c.at = datetime()
RETURN count(c) AS batches
