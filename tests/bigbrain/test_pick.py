"""Selection: best score, and shared behaviour preferred over a lone outlier when close."""

from __future__ import annotations

import math

from studio.pick import Candidate, cluster, distance, pick
from studio.verdicts.report import Verdict


def cand(n: int, score: int, behaviour: list[float], playable: bool = True) -> Candidate:
    verdict = Verdict(
        path=f"attempt-{n}/game.py",
        playable=playable,
        score=score,
        flags=[] if playable else ["crash"],
        behaviour=behaviour,
    )
    return Candidate(n, verdict)


A = [0.1, 0.5, 0.2, 0.8]
A2 = [0.12, 0.48, 0.22, 0.79]  # close to A
A3 = [0.09, 0.52, 0.18, 0.82]
B = [0.9, 0.1, 0.9, 0.1]  # far from A


def test_distance_is_rms_and_infinite_for_mismatched_vectors():
    assert distance([0, 0], [0, 0]) == 0
    assert math.isclose(distance([0, 0], [1, 1]), 1.0)
    assert distance([], []) == math.inf
    assert distance([0.1], [0.1, 0.2]) == math.inf


def test_no_playable_candidate_means_no_winner():
    result = pick([cand(1, 90, A, playable=False), cand(2, 50, B, playable=False)])
    assert result.winner is None
    assert "no candidate" in result.reason


def test_unplayable_never_wins_even_with_a_higher_score():
    result = pick([cand(1, 95, A, playable=False), cand(2, 40, B)])
    assert result.winner is not None and result.winner.n == 2


def test_best_score_wins_when_all_behave_differently():
    result = pick([cand(1, 60, A), cand(2, 80, B), cand(3, 70, [0.5, 0.9, 0.0, 0.0])])
    assert result.winner.n == 2
    assert len(result.clusters) == 3


def test_shared_behaviour_beats_a_slightly_better_lone_outlier():
    # Three attempts agree (A-like), one outlier scores 5 points more: the cluster wins.
    result = pick([cand(1, 80, A), cand(2, 78, A2), cand(3, 85, B), cand(4, 75, A3)])
    assert result.winner.n == 1
    assert "3 attempts played the same way" in result.reason
    assert sorted(len(c) for c in result.clusters) == [1, 3]


def test_clearly_better_outlier_still_wins():
    result = pick([cand(1, 60, A), cand(2, 62, A2), cand(3, 90, B)])
    assert result.winner.n == 3
    assert "more than 10 points" in result.reason


def test_margin_and_threshold_are_parameters():
    cands = [cand(1, 60, A), cand(2, 62, A2), cand(3, 90, B)]
    assert pick(cands, margin=40).winner.n == 2
    # With a tiny threshold A and A2 are no longer neighbours: plain best score.
    assert pick([cand(1, 80, A), cand(2, 78, A2), cand(3, 85, B)], threshold=0.001).winner.n == 3


def test_top_candidate_inside_the_largest_cluster_wins():
    result = pick([cand(1, 70, A), cand(2, 90, A2), cand(3, 85, B)])
    assert result.winner.n == 2
    assert "2 attempts played the same way" in result.reason


def test_ties_go_to_the_earlier_attempt():
    result = pick([cand(3, 80, B), cand(1, 80, A), cand(2, 80, [0.5, 0.5, 0.5, 0.0])])
    assert result.winner.n == 1


def test_missing_behaviour_vectors_are_alone():
    result = pick([cand(1, 70, []), cand(2, 75, []), cand(3, 60, [])])
    assert result.winner.n == 2
    assert len(result.clusters) == 3


def test_single_linkage_chains_neighbours():
    x = [0.0, 0.0]
    y = [0.0, 0.2]  # 0.14 from x
    z = [0.0, 0.4]  # 0.14 from y, 0.28 from x
    groups = cluster([cand(1, 50, x), cand(2, 50, y), cand(3, 50, z)])
    assert len(groups) == 1


# -- adherence first -------------------------------------------------------------------------


def judged(n: int, score: int, behaviour: list[float], matches: bool, coverage: float = -1.0):
    from studio.adherence import Adherence

    c = cand(n, score, behaviour)
    cov = coverage if coverage >= 0 else (1.0 if matches else 0.0)
    c.adherence = Adherence(matches, cov, f"reason {n}" if not matches else "matches")
    return c


def test_a_candidate_that_does_not_match_never_beats_one_that_does():
    # Two drifting candidates share behaviour and score higher: the old rule kept one of them.
    cands = [judged(1, 97, A, False), judged(2, 97, A2, False), judged(3, 60, B, True)]
    assert pick([cand(c.n, c.verdict.score, c.verdict.behaviour) for c in cands]).winner.n == 1
    result = pick(cands)
    assert result.winner.n == 3 and result.lacks is None
    assert result.reason.startswith("1 of 3 playable candidates match the request")
    assert "set aside: attempt 1, 2" in result.reason


def test_among_matching_candidates_the_behaviour_rule_stands():
    cands = [
        judged(1, 80, A, True),
        judged(2, 78, A2, True),
        judged(3, 85, B, True),
        judged(4, 99, A3, False),
    ]
    result = pick(cands)
    assert result.winner.n == 1 and "2 attempts played the same way" in result.reason


def test_with_none_matching_the_closest_is_kept_and_what_it_lacks_is_said():
    cands = [judged(1, 95, A, False, 0.0), judged(2, 70, B, False, 0.5)]
    result = pick(cands)
    assert result.winner.n == 2
    assert result.lacks == "reason 2"
    assert "no playable candidate matches the request" in result.reason
    assert result.reason.endswith("it lacks what was asked for: reason 2")


def test_an_unjudged_candidate_counts_as_matching():
    result = pick([judged(1, 95, A, False), cand(2, 50, B)])
    assert result.winner.n == 2 and result.lacks is None
