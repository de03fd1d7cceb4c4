"""Roles per municipality (DESIGN.md §5), their rules, the switcher and the audit trail."""
