# match: an error in a guard is reported on the guard's line.
def f(x):
    match x:
        case [a, b] if a / b > 1:
            return "big"
        case _:
            return "small"
print(f([4, 2]))
print(f([1, 0]))
