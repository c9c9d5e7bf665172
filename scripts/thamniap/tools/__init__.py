"""Commands that change files under data/: import-xlsx and template-xlsx (spreadsheet/), split-roster,
new-round (rounds.py), and the house YAML style and all-or-nothing writer they share."""
