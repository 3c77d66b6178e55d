"""rote flows package."""
