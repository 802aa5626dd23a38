"""The model of a short list (a Bibob list screening, ``warehouse.list_match``) for
``warehouse.linkage``: a list of some lines cannot teach the model, so what it cannot learn
is stated here, and what the registry can teach is learnt from the registry alone."""

# The m-probabilities of a short list (a Bibob list screening): how often each outcome is seen
# when the two records are the same person or organisation. A list of some lines cannot teach
# them (expectation maximisation needs hundreds of pairs), so they are stated here, readable,
# after the levels' meaning; the u-probabilities are still learnt from the registry.
M = {
    "surname": {"same": 0.85, "prefix_differs": 0.05, "very_similar": 0.04, "similar": 0.03,
                "swapped": 0.01, "crossed": 0.005, "different": 0.015},
    "given_name": {"same": 0.8, "initial_same": 0.1, "similar": 0.06, "different": 0.04},
    "birth_date": {"same": 0.9, "day_month_swapped": 0.02, "one_digit": 0.04, "two_digits": 0.01,
                   "different": 0.03},
    "address": {"same": 0.5, "similar": 0.05, "same_street_no_number": 0.03, "same_street": 0.05,
                "same_place": 0.1, "same_area": 0.02, "different": 0.25},
    "name": {"same": 0.85, "very_similar": 0.08, "similar": 0.04, "different": 0.03},
}  # fmt: skip


# The u-probabilities: how often each outcome is seen for two different persons or
# organisations, for a table too small to show them (``linkage.dedupe`` of a handful of
# records, where the random pairs are mostly the duplicates themselves). Of the order a
# municipality's registers show; a table of some dozens of records learns its own.
U = {
    "surname": {"same": 0.002, "prefix_differs": 0.0005, "very_similar": 0.003, "similar": 0.02,
                "swapped": 0.0002, "crossed": 0.001, "different": 0.9733},
    "given_name": {"same": 0.01, "initial_same": 0.02, "similar": 0.02, "different": 0.95},
    "birth_date": {"same": 0.0001, "day_month_swapped": 0.00002, "one_digit": 0.001,
                   "two_digits": 0.01, "different": 0.98888},
    "address": {"same": 0.0005, "similar": 0.0005, "same_street_no_number": 0.0002,
                "same_street": 0.005, "same_place": 0.05, "same_area": 0.01, "different": 0.9338},
    "name": {"same": 0.0005, "very_similar": 0.002, "similar": 0.02, "different": 0.9775},
}  # fmt: skip


def state_u(linker) -> None:
    """The u-probabilities of ``U`` (levels whose weight is fixed keep theirs)."""
    for comparison in linker._settings_obj.comparisons:
        stated = U[comparison.output_column_name]
        for level in comparison.comparison_levels:
            if not level.is_null_level and not level._fix_u_probability:
                level.u_probability = stated[level.label_for_charts]


def state(linker, match_share: float) -> None:
    """The share of matching pairs known beforehand, and the m-probabilities of ``M``."""
    linker._settings_obj._probability_two_random_records_match = match_share
    for comparison in linker._settings_obj.comparisons:
        stated = M[comparison.output_column_name]
        for level in comparison.comparison_levels:
            # a level whose weight is fixed (neither for nor against) keeps it
            if not level.is_null_level and not level._fix_m_probability:
                level.m_probability = stated[level.label_for_charts]


def u_from(linker, reference, max_pairs: float) -> None:
    """The u-probabilities of ``reference`` (random pairs of two halves of the registry)
    copied onto ``linker``."""
    reference.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=1)
    learnt = {
        (c.output_column_name, level.label_for_charts): level.u_probability
        for c in reference._settings_obj.comparisons
        for level in c.comparison_levels
        if not level.is_null_level
    }
    for comparison in linker._settings_obj.comparisons:
        for level in comparison.comparison_levels:
            if not level.is_null_level and not level._fix_u_probability:
                level.u_probability = learnt[
                    (comparison.output_column_name, level.label_for_charts)
                ]
