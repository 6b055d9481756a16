# a class with __iter__ returning self and __next__ works in for, list, zip, in and unpacking
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), 2 in Countdown(3), list(zip(Countdown(2), "ab")))
a, b = Countdown(2)
print(a, b, sum(Countdown(4)), max(Countdown(5)))
c = Countdown(2)
print(iter(c) is c, next(c), next(c), next(c, None))
class Bad:
    def __iter__(self):
        return 5
try:
    for x in Bad():
        pass
except TypeError as e:
    print("TypeError:", e)
