"""Readers for system export files, column mapping and subject search."""
