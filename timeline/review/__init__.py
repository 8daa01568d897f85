"""Editors' pages under /review/: the queue, adding and reviewing sources, event history."""
