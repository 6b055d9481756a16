# hash() of a tuple nested 100,000 deep. CPython computes it on its C stack;
# the engine, whose stack is the browser's, raises RecursionError instead.
t = ()
for i in range(100_000):
    t = (t,)
try:
    print(hash(t))
except RecursionError as e:
    print("RecursionError:", e)
