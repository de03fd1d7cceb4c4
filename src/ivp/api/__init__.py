"""The REST API (`/api/v1/`): public facts without login, plans and actions with it, progress and
action edits by those allowed to make them; described by its OpenAPI schema. Scripts sign in
with a personal API key, browsers with their session."""
