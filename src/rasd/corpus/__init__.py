"""Corpus work around the extraction core: ingest, process, incidents, exports, queries."""
