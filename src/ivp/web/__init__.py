"""The page frame: base template, cycle navigation, home and error pages."""
