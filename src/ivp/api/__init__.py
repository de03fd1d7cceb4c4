"""The REST API over the same selectors, services, serializers and rules as the pages, with its
OpenAPI schema; scripts sign in with a personal API key, browsers with their session."""
