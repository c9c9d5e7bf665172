"""thamniap: the public directory of Thai community-development volunteers (อช.), from data/ to site.

The package is a stack of layers, lowest first. A module may import from its own layer and the
ones below it, never from a higher one, so data flows one way (load → check → model → derive →
render → build) and a reader can understand a layer without the ones above it. write/, the only
code that changes files under data/, sits just above render: every command that edits data uses it.
tests/test_layers.py fails on any import that breaks the order.
"""

# thamniap.<layer> is a subpackage (core/, vcs/, model/ …) or a module (cli.py).
LAYERS = ("core", "vcs", "load", "model", "check", "derive", "intake", "render", "write", "build", "github", "review",
          "tools", "bot", "devtools", "cli")
