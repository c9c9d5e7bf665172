"""Render step: turn the validated model into Markdown pages, SVG, QR codes and exports.

Nothing here reads data files or knows about MkDocs: `site.province_pages` and
`site.district_pages` return {path in the site: content}, and thamniap.build.publish writes them
(for `thamniap pages` and the MkDocs hook alike). Only the downloads are written here
(`exports.write_exports`, into the folder it is given, in a worker process).
"""
