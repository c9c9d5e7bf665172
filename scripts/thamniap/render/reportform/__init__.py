"""The district reports sent as GitHub issues: their fields (fields.py), the issue forms made from
them (forms.py) and the bot's Thai reply (reply.py)."""
