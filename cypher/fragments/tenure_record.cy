// tenure_record: the record of tenure TENURE of person HOLDER in post HELD_POST as the tenure
// queries return it: every stored property (the stated dates and the stored interval), the
// person's and the post's ids and the party it was held on behalf of (onBehalfOfId, or null).
// Included as {{tenure_record t person post}}.
TENURE {.*, personId: HOLDER.id, postId: HELD_POST.id, onBehalfOfId: COLLECT {
  MATCH (TENURE)-[:ON_BEHALF_OF]->(party:Organization) RETURN party.id ORDER BY party.id LIMIT 1
}[0]}
