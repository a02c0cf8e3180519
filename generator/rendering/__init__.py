"""Step 3 of the pipeline: the model rendered into Markdown pages, files and a navigation (no engine in it)."""
