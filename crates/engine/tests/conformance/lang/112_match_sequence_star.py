# match: a starred name collects the middle of a sequence into a list.
def f(x):
    match x:
        case [first, *middle, last]:
            return (first, middle, last)
        case [*all_]:
            return ("short", all_)
print(f([1, 2, 3, 4, 5]))
print(f((1, 2)))
print(f([1]))
print(f(()))
match [1, 2, 3]:
    case [*head, 3]:
        print(head)
match (1, 2, 3):
    case (1, *tail):
        print(tail, type(tail).__name__)
