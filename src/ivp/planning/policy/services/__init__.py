"""Writes of the policy side. Each function is one transaction with keyword-only arguments."""
