"""Shared ground of every layer: one diagnostic type and its reporters, Thai text, digits, dates, phones, national IDs, official place names."""
