# Generator functions: lazy evaluation, next(), StopIteration.
def count_up(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")

gen = count_up(2)
print("created")
print(next(gen))
print(next(gen))
try:
    next(gen)
except StopIteration:
    print("StopIteration")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def with_return():
    yield 1
    return "result"

g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value)
