"""`thamniap report`: a district's report submitted as a GitHub issue, turned into a checked change.
bot.py runs the steps in order: the event → intake (intake/reportform/body.py reads the issue, read.py
and roster.py understand its fields, attachment.py its workbook) → checks and authority (review/) →
write (edit.py: club.yaml / meeting.yaml) → pull request (publish.py, through github/client.py)."""
