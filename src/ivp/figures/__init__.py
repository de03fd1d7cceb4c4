"""Sources, indicators and observations of police, CBS and local figures; their importers
(national files, OData, own uploads in the background) and the safety picture built on them."""
