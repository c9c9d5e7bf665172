"""`thamniap report`: a district's report submitted as a GitHub issue, turned into a checked change
(body.py reads the issue, read.py understands its fields, edit.py writes club.yaml / meeting.yaml,
bot.py runs the whole thing, publish.py hands the result to GitHub)."""
