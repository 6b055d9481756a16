# `in` uses __contains__ when defined, else iteration (__iter__, then __getitem__)
class WithContains:
    def __contains__(self, x):
        print("  __contains__", x)
        return x == 1
    def __iter__(self):
        print("  never iterated")
        return iter([])
class WithIter:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2])
class WithGetitem:
    def __getitem__(self, i):
        print("  __getitem__", i)
        if i > 2:
            raise IndexError
        return i
print(1 in WithContains(), 2 in WithIter(), 1 in WithGetitem(), 9 in WithGetitem())
class Neither:
    pass
try:
    1 in Neither()
except TypeError as e:
    print("TypeError:", e)
