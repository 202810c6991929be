"""The figures: the indicator catalogue, every indicator computed, periods and percentages."""
