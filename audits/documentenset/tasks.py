"""Tasks of the document set (rendered by a worker that is recycled after each render)."""
