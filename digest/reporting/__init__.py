"""Reporting a month: the profile, the performance table and workbook, what the digest says and its charts."""
