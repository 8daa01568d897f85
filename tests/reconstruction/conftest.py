from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout; a worktree one level deeper finds it one level up.
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
SEED = SHARED / "seeds" / "000_fd7ddafec9e56c3a.txt"
CORPUS = SHARED / "corpora" / "t17-dev.json.gz"


@pytest.fixture
def seed_article() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}); it lives in ../shared")
    return SEED.read_text(encoding="utf-8")
