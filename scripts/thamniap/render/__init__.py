"""Render step: turn the validated model into Markdown pages, SVG, QR codes and exports.

Nothing here reads data files or knows about MkDocs; `site.render_site` returns
{relative path: content} and the CLI (`thamniap pages`) or the MkDocs hook writes or serves it.
"""
