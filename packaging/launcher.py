"""Entry script for the frozen (PyInstaller) application."""

from coordinator.cli.main import main

if __name__ == "__main__":
    main()
