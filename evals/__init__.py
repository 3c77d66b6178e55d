"""rote evals package."""
