"""The district reports sent as GitHub issues, as text: the issue forms made from their fields
(forms.py; the fields are intake/reportform/fields.py) and the bot's Thai reply (reply.py)."""
