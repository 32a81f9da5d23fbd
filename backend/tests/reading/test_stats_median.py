"""The reading stats read finished reads' lengths as counts per length; their median must be
the one ``statistics.median`` gives over the lengths themselves."""

import statistics
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from kaizen.reading.service import _median


@given(st.lists(st.integers(min_value=0, max_value=4000), max_size=60))
def test_median_of_counts_equals_the_median_of_the_values(days: list[int]) -> None:
    expected = float(statistics.median(days)) if days else None
    assert _median(dict(Counter(days))) == expected
