"""Render step: turn the validated model into Markdown pages, SVG, QR codes and exports.

Nothing here reads data files or knows about MkDocs: `site.province_pages` and
`site.district_pages` return {path in the site: content}, and thamniap.build.publish writes them
(for `thamniap pages` and the MkDocs hook alike). The downloads too are bytes here
(`exports.province_downloads`); thamniap.build.exports writes them, in a worker process.
"""
