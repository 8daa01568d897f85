"""Getting article text in: files, HTML pages and URLs, for the add-source form and `ingest`."""
