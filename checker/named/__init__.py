"""Named claims: who holds which post, where things are, and when events happened."""
