"""Storage: peewee over one SQLite file; everything leaves here as plain data."""
