"""rote sandbox package."""
