"""The one place that talks to the GitHub API (client.py); the tests fake it (tests/fake_github.py)."""
