"""Each builder makes one kind of document from the database: `build(municipality, year)`."""
