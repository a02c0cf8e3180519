"""Step 1 of the pipeline: the content read, merged and validated into the model."""
