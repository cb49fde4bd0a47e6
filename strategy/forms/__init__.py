"""The strategy's forms, one module per part: structure, plan, budget, progress."""
