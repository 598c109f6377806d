"""``python -m analysis`` runs the command line (:mod:`analysis.cli`)."""

import sys

from analysis.cli import main

sys.exit(main())
