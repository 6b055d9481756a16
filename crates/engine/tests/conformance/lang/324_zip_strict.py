# zip(strict=True) raises ValueError naming the argument that is shorter or longer
def show(*its):
    try:
        print(list(zip(*its, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
show([1, 2], "ab")
show([1, 2], [1])
show([1], [1, 2])
show([1], [1], [1, 2, 3])
show([1, 2], [1, 2], [1])
show([1, 2, 3], [1], [1])
show([], [], [1])
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(strict=False)))
z = zip([1, 2], [3], strict=True)
print(next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
