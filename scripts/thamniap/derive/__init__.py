"""Figures and changes computed from the model: plain data, no formatting."""
