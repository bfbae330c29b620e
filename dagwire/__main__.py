"""``python -m dagwire`` runs the command line (``dagwire.cli``)."""

import sys

from dagwire.cli import main

sys.exit(main())
