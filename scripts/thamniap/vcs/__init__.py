"""Git access in one place."""
