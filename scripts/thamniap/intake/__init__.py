"""Intake: what people send in, read into plain values and located problems (below render, so the bot
and the report pages share one description of every field): the Excel form (spreadsheet/), the
report issue forms and report files (reportform/), and the circular's text (circular.py)."""
