"""Fixtures for the lookups: a store holding the reference extract, answering as the LookupService does."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest

from digest.contract.config import Config
from digest.lookups.questions import Reader
from digest.lookups.service import LookupService
from digest.store.snapshots import open_store
from tests.fixtures.reference_june_2019 import write_reference_store


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Path:
    return write_reference_store(tmp_path_factory.mktemp("reference"), config)


@pytest.fixture(scope="module")
def reference_service(
    reference_template: Path, tmp_path_factory: pytest.TempPathFactory, config: Config
) -> LookupService:
    """Questions answered from this module's own copy of the reference store (answers are audited into it)."""
    path = tmp_path_factory.mktemp("answers") / "store.db"
    shutil.copy2(reference_template, path)
    return LookupService(partial(open_store, path), config)


@pytest.fixture(scope="module")
def reader(config: Config) -> Reader:
    """The question reader, built once per module (its word lists take a moment)."""
    return Reader(config)


@pytest.fixture(scope="module")
def service(reference_service: LookupService) -> LookupService:
    """Answers from the reference store, as at 18/07/2019."""
    return reference_service
