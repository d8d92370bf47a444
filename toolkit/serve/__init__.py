"""`toolkit serve`: LibreTranslate's HTTP API over the same pipeline as the command line, with the
glossary, protected spans, QA findings and summaries that LibreTranslate lacks (app.create_app)."""
