"""Files kept beside the database: the content-addressed attachment store."""
