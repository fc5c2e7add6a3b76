"""The document set (§3.6, §5.2.1): one PDF of the whole cycle, rendered in a worker, delivered as a snapshot."""
