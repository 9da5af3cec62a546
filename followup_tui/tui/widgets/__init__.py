"""Widgets that show plain records; none of them imports the store."""
