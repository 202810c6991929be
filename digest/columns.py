"""The columns of the episode extract, as the data contract names them (spec section 1)."""

REQUIRED_COLUMNS = (
    "episode_id",
    "child_id",
    "missing_start",
    "gender",
    "date_of_birth",
    "ethnicity",
    "care_status",
)
OPTIONAL_COLUMNS = (
    "missing_end",
    "other_la",
    "cse_risk",
    "placement_distance_miles",
    "rhi_offered",
    "rhi_accepted",
    "rhi_completed",
)
CONTRACT_COLUMNS = (
    "episode_id",
    "child_id",
    "missing_start",
    "missing_end",
    "gender",
    "date_of_birth",
    "ethnicity",
    "care_status",
    "other_la",
    "cse_risk",
    "placement_distance_miles",
    "rhi_offered",
    "rhi_accepted",
    "rhi_completed",
)
assert set(CONTRACT_COLUMNS) == set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
