// theme_event_counts: how many events addressed each policy theme (PolicyTheme.eventCount).
// $ids: theme ids.  Returns: id, eventCount.
UNWIND $ids AS id
MATCH (theme:PolicyTheme {id: id})
RETURN id, COUNT { (theme)<-[:ADDRESSED]-(:Event) } AS eventCount
