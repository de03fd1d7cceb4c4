"""Sources, indicators and observations of police, CBS and local figures, with their importers (next issue)."""
