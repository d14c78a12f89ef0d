"""``studio remix`` with the offline designer, through the real CLI."""

from __future__ import annotations

from studio.designer.stored import rebuild


def test_designer_remixes_chain_on_the_stored_design(studio):
    made = studio("make", "space invaders", "--offline", "--seed", "4", "-n", "1", "-q")
    assert made.exit_code == 0, made.output
    slug = made.output.strip().splitlines()[-1].split("\t")[0]
    v1 = studio.store().resolve(slug)
    assert v1.meta["design"]["genres"] == ["invaders"] and v1.meta["frames"]["digests"]
    assert rebuild(v1.meta["design"]).code == v1.code_path.read_text()

    faster = studio("remix", slug, "make it faster", "--offline")
    assert faster.exit_code == 0, faster.output
    assert "understood: faster (pace x1.25)" in faster.output
    lives = studio("remix", f"{slug}@2", "and give me more lives", "--offline")
    assert lives.exit_code == 0, lives.output
    assert studio.run_json()["change"]["parent_frames"] == "from its metadata"

    v3 = studio.store().resolve(f"{slug}@3")
    design = v3.meta["design"]
    assert design["tweaks"]["pace"] == 1.25 and design["tweaks"]["lives"] == 5
    assert v3.meta["lineage"] == [f"{slug}@1", f"{slug}@2"] and v3.meta["parent"] == f"{slug}@2"
    assert v3.meta["changed"].startswith("lives 3 -> 5 (+")
    assert rebuild(design).code == v3.code_path.read_text()
    assert v3.meta["source"] == "offline" and v3.meta["request"] == "and give me more lives"


def test_a_request_it_cannot_map_changes_nothing_and_says_what_it_can(studio):
    made = studio("make", "2048", "--offline", "--seed", "4", "-n", "1", "-q")
    slug = made.output.strip().splitlines()[-1].split("\t")[0]
    result = studio("remix", slug, "make it about taxes", "--offline")
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "did not understand what to change" in out and "mix it with snake" in out
    no_op = studio("remix", slug, "more lives", "--offline")
    assert no_op.exit_code == 1
    assert "this game has no lives" in " ".join(no_op.output.split())
    assert [v.version for v in studio.store().versions(slug)] == [1]
    assert studio.run_dirs() == studio.run_dirs()[:1]  # only the make ran


def test_a_model_made_game_cannot_be_remixed_offline(studio):
    parent = studio.add_parent()
    result = studio("remix", parent.slug, "faster", "--offline")
    assert result.exit_code == 2
    assert "was not made by the offline designer" in " ".join(result.output.split())


def test_a_designer_game_kept_before_designs_were_stored_is_recovered_only_exactly(studio):
    made = studio("make", "pong", "--offline", "--seed", "4", "-n", "1", "-q")
    slug = made.output.strip().splitlines()[-1].split("\t")[0]
    entry = studio.store().resolve(slug)
    studio.store().update_meta(slug, {"design": None, "frames": None})
    result = studio("remix", slug, "faster", "--offline")
    assert result.exit_code == 0, result.output
    assert studio.store().resolve(f"{slug}@2").meta["design"]["tweaks"] == {"pace": 1.25}

    edited = entry.code_path.read_text().replace("FPS = 60", "FPS = 50")
    assert edited != entry.code_path.read_text()
    older = studio.add_parent(
        edited,
        source="offline",
        prompt="pong",
        seed=4,
    )
    refused = studio("remix", older.slug, "faster", "--offline")
    assert refused.exit_code == 2
    assert "older offline designer" in " ".join(refused.output.split())
