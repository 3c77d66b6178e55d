"""rote proxy package."""
