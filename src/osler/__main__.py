"""`python -m osler` runs the command line."""

from osler.cli import main

main()
