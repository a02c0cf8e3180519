"""Step 4 of the pipeline: the built site checked (links, Content-Security-Policy) and the content sanitised."""
