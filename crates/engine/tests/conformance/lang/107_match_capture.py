# match: a bare name captures the subject (irrefutable, allowed as the last case).
def f(x):
    match x:
        case 0:
            return "zero"
        case other:
            return f"captured {other!r}"
print(f(0))
print(f("text"))
print(f([1, 2]))
match 42:
    case answer:
        pass
print(answer)
