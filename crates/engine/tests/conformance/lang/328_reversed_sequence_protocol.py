# reversed() on a class with __len__ and __getitem__, and with __reversed__
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        print("  getitem", i)
        return "abc"[i]
r = reversed(Seq())
print(type(r).__name__)
for x in r:
    print("body", x)
class Own:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Own())))
class OnlyGet:
    def __getitem__(self, i):
        return i
try:
    reversed(OnlyGet())
except TypeError as e:
    print("TypeError:", e)
