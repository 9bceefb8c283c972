"""`python -m factlint` runs the command line."""
from .cli import main

main()
