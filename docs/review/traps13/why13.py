"""python -m docs.review.traps13.why13 MODULE TRAP SEED N TEST_SEED CALL_INDEX (MODULE: t13a, t13b ...)"""
from docs.review.traps.why import main

main("docs.review.traps13")
