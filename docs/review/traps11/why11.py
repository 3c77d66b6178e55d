"""python -m docs.review.traps11.why11 MODULE TRAP SEED N TEST_SEED CALL_INDEX (MODULE: t11, t11b ... t11i)"""
from docs.review.traps.why import main

main("docs.review.traps11")
