# for over an object with only __getitem__ asks for one index at a time until IndexError
class Squares:
    def __getitem__(self, i):
        print("  getitem", i)
        if i >= 3:
            raise IndexError(i)
        return i * i
for x in Squares():
    print("body", x)
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
print(list(Squares()), 4 in Squares(), sum(Squares()))
