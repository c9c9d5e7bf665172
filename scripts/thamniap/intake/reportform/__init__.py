"""A district's report sent as a GitHub issue or a report file: its fields (fields.py), the words the
bot and the report pages share (messages.py) and the issue body read field by field (body.py)."""
