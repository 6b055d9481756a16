# Conditional expressions (a if cond else b), including nested ones.
for n in range(-1, 3):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
x = 5
print("even" if x % 2 == 0 else "odd")
print([("fizz" if i % 3 == 0 else "") + ("buzz" if i % 5 == 0 else "") or i for i in range(1, 16)])
def side(v):
    print("evaluated", v)
    return v
print(side("a") if False else side("b"))
