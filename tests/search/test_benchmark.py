"""The figures `make bench` prints are percentiles of what it measured."""

import pytest

from search.benchmark import p50_p95


@pytest.mark.parametrize(
    ("timings", "expected"),
    [
        (list(range(1, 101)), (50.5, 95.05)),
        ([3.0, 1.0, 2.0], (2.0, 2.9)),
        ([5.0] * 17 + [100.0], (5.0, 19.25)),  # one slow request in a pass of the mix
        ([5.0] * 9 + [100.0], (5.0, 57.25)),  # within the timings, never past the slowest
    ],
)
def test_percentiles_of_known_timings(timings, expected):
    assert p50_p95(timings) == pytest.approx(expected)
