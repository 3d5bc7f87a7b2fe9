"""python -m extractor"""

from extractor.cli import main

main(prog_name="clause-extractor")
