"""Demo entries of the legislation register, from the seed documents (issue 17, laws part)."""


def seed(stdout=None):
    pass
