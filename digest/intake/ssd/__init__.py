"""The Standard Safeguarding Dataset (SSD) as an input: an export folder (or a zip of one) read as episodes.

export.py finds and reads the eight tables (refusing the folder whole when one is missing or unsafe);
periods.py derives each episode's care status and placement distance from the period tables;
episodes.py turns the tables into the canonical extract's rows, validated as an extract's are.
"""
