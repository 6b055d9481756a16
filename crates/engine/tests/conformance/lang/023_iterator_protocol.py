# __iter__/__next__: a class-based iterator.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

for n in Countdown(3):
    print(n)
print(list(Countdown(5)))
it = Countdown(2)
print(next(it), next(it), next(it, "exhausted"))

class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return (i * i for i in range(self.n))

print(list(Squares(4)), sum(Squares(4)))
