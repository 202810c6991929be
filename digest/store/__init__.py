"""The SQLite store: schema, snapshots, digest runs, lookup audit, alerts ledger. The only code that runs SQL."""
