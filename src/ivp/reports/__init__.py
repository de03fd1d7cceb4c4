"""Documents and charts: council reports, plans and the safety picture as DOCX, PDF and HTML (later issues)."""
