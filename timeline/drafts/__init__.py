"""Drafts: a timeline reconstructed from all its pending proposals, stored for editors to review.

``models`` holds the stored draft and its candidate events, ``refresh`` builds
them with ``timeline.reconstruction`` and ``services`` holds the editors'
verbs on a candidate (accept, reject, split, undo).
"""
