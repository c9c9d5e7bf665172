"""Rules across files: one registry of every rule id, and the whole check (validate)."""
