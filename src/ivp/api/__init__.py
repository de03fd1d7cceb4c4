"""The read-only REST API over the same selectors as the pages, with its OpenAPI schema."""
