# the sequence protocol also stops on StopIteration; other errors propagate after the items so far
class Upto:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return chr(97 + i)
print(list(Upto()), "".join(Upto()))
class Broken:
    def __getitem__(self, i):
        if i == 1:
            raise KeyError("boom")
        return i
seen = []
try:
    for x in Broken():
        seen.append(x)
except KeyError as e:
    print("KeyError", e, seen)
class NoSeq:
    pass
try:
    iter(NoSeq())
except TypeError as e:
    print("TypeError:", e)
