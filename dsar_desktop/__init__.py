"""DSAR Desktop: the DPO office's register of data-subject requests."""

__version__ = "0.1.0"
