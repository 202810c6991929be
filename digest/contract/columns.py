"""The columns of the episode extract, as the data contract names them (spec section 1), in contract order."""

_COLUMNS = (  # (name, required)
    ("episode_id", True),
    ("child_id", True),
    ("missing_start", True),
    ("missing_end", True),  # blank values allowed; without the column every episode would read as still missing
    ("gender", True),
    ("date_of_birth", True),
    ("ethnicity", True),
    ("care_status", True),
    ("other_la", False),
    ("cse_risk", False),
    ("placement_distance_miles", False),
    ("rhi_offered", False),
    ("rhi_accepted", False),
    ("rhi_completed", False),
)
CONTRACT_COLUMNS = tuple(name for name, _ in _COLUMNS)
REQUIRED_COLUMNS = tuple(name for name, required in _COLUMNS if required)
