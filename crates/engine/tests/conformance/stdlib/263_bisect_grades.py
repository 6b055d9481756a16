# The bisect documentation's grade table: numeric scores to letter grades
from bisect import bisect
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect(breakpoints, score)]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
