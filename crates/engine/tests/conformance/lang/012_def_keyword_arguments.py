# Keyword arguments, keyword-only and positional-only parameters.
def describe(name, age, city="Paris"):
    return f"{name} ({age}) from {city}"

print(describe("Ann", 30))
print(describe(age=25, name="Ben"))
print(describe("Cat", city="Rome", age=41))

def kw_only(a, *, scale=2):
    return a * scale

print(kw_only(4), kw_only(4, scale=10))

def pos_only(a, b, /, c):
    return a + b + c

print(pos_only(1, 2, c=3))
try:
    kw_only(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    describe("x", 1, name="y")
except TypeError as e:
    print("TypeError:", e)
try:
    describe("x", 1, country="y")
except TypeError as e:
    print("TypeError:", e)
