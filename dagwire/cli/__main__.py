import sys

from dagwire.cli import main

sys.exit(main())
