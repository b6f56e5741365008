"""Parsing shared by the crawler (link discovery) and the rules (evidence): pages, dates, attachments.

Pure functions over bytes and text; attachment extraction runs hostile files in a child process.
"""
