# Searching a generator that never ends: `in` loops in Python, so the run
# pauses between items and the step limit stops it (CPython searches
# forever). The search looped in Rust inside one instruction: the page
# froze until the limit.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


print("start")
print(-1 in naturals())
