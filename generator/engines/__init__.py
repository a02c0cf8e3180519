"""Step 5 of the pipeline: one adapter per static-site engine. Only these modules know an engine
(MkDocs, Material for MkDocs, Zensical)."""
