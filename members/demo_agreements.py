"""Demo entries of the agreements register, from the seed documents (issue 17, agreements part)."""


def seed(stdout=None):
    pass
