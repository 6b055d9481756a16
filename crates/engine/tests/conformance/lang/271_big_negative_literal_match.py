# Big literals in match patterns.
def f(x):
    match x:
        case 18446744073709551616:
            return 'two**64'
        case -18446744073709551616:
            return 'minus'
        case _:
            return 'other'
print(f(2**64), f(-2**64), f(2**64 + 1))
