"""python -m docs.review.traps12.why12 MODULE TRAP SEED N TEST_SEED CALL_INDEX (MODULE: t12, t12b ...)"""
from docs.review.traps.why import main

main("docs.review.traps12")
