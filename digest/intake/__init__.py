"""Taking extracts in: reading files, validating rows into episodes, ingesting, the drop folder, demo data."""
