# Unbounded recursion: CPython's traceback collapses the repeated lines.
def f(n):
    return f(n + 1)


f(0)
