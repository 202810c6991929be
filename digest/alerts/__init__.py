"""Still-missing alerts: counting the children missing at each snapshot and deciding when that warrants telling."""
