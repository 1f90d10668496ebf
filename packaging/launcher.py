"""The bundle's entry script: PyInstaller runs it as __main__, so it imports the package by its full name."""

import sys

from dsar_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
