"""Commands that change files under data/: import-xlsx and template-xlsx (spreadsheet/), split-roster,
new-round (rounds.py). Each works out the new files; write/ (the house YAML style, the line edit that
keeps comments, all-or-nothing replacement) writes them."""
