# sys.getrecursionlimit/setrecursionlimit: the default 1000, raising it for deeper recursion, bad values
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))
sys.setrecursionlimit(1000)
try:
    depth(2500)
except RecursionError as e:
    print("RecursionError", e)
for bad in (0, -5, 2.5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
