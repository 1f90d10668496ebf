"""PDF letters and annexes, signing and verification, case packs."""
