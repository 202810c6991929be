"""The data contract and a council's mapping onto it: columns, vocabulary, dates, the RHI rule, the config."""
