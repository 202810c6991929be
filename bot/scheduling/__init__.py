"""The APScheduler jobs of serve: the monthly digest, its retries, and the drop folder."""
