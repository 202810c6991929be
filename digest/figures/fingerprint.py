"""What a snapshot's stored figures depend on beyond its episodes, as a short fingerprint.

Kept apart from the computation (digest/figures/indicators.py, which needs pandas) because every command
that reads figures checks it first, and those commands must start without pandas.
"""

from __future__ import annotations

import hashlib

from digest.contract.config import Config

# Bump when the way any figure is computed (digest/figures/indicators.py) changes, so stored figures are
# recomputed on next use.
INDICATORS_VERSION = 2  # 2: age.not_recorded, and a date of birth over 25 years before the start is not recorded


def compute_fingerprint(config: Config) -> str:
    """What the stored figures depend on beyond the episodes: recompute when this changes."""
    ethnicity = config.ethnicity
    parts = [
        f"v{INDICATORS_VERSION}",
        config.rhi_deadline.describe(),
        ",".join(code for code, _ in ethnicity.codes),
        ",".join(sorted(ethnicity.bme)),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
