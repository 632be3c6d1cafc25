"""Entry script for the frozen (PyInstaller) application.

`coordinator --bundle-check` (this entry only) checks the bundle carries what the app loads at run time.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--bundle-check"]:
        from bundle_check import bundle_check

        sys.exit(bundle_check())
    from coordinator.cli.main import main

    main()
