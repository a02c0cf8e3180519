"""Step 2 of the pipeline: the records (declared once: schema, validation, model) and the timing rules."""
