"""Readers' pages: public timelines, event permalinks and exports. No account needed."""
