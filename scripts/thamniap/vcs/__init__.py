"""Git access in one place (vcs.git): the lowest layer after core, so every other layer may use it."""
