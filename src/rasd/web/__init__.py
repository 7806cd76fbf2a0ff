"""The HTTP API and the analyst's web page, thin over ``rasd.extract`` and the store."""
