import sys
from pathlib import Path

# the helpers next to the tests (paired_programs) are imported by name
sys.path.insert(0, str(Path(__file__).parent))
