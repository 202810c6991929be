"""Answering questions: reading a question as an indicator and a period, and answering it from the store."""
