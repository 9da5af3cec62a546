"""Card capture: business-card text and vCard files become the same fields (pure)."""
