# str, int, float, bool, list, tuple, dict, set constructors.
print(str(42), str(3.5), str([1, "a"]), str(None))
print(int("42"), int(" -7 "), int(3.9), int("ff", 16), int("101", 2), int(True))
print(float("2.5"), float(" 1e3 "), float(7), float("-inf"))
print(bool(0), bool("0"), bool([]), bool(0.0))
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
print(tuple([1, 2]), tuple("hi"), dict([("a", 1), ("b", 2)]), dict(x=1, y=2))
print(sorted(set([3, 3, 1])), set(), dict(), list(), tuple())
try:
    int("3.5")
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
