"""Demo data: a draft 2019–2023 strategy from the Dushanbe recommendations and the Kabul outcomes (issue 18).

Stub: written by the demo helper.
"""


def seed(stdout=None) -> None:
    return None
