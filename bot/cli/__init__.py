"""The missing-report command line: one module per group of commands."""
