"""Review of a pull request: which areas it changes and who may change them (checkpr.py, `thamniap
check-pr`), whose authority a bot's commit carries (authority.py, `thamniap pr-actor`) and the
CODEOWNERS file that names each district's reviewers (codeowners.py)."""
