# match: ranges are sequences too; a starred capture is always a list.
match range(5):
    case [0, 1, *rest]:
        print(rest)
match range(0):
    case []:
        print("empty range")
match (x for x in [1]):
    case [a]:
        print("no: generators are not sequences")
    case _:
        print("generator is not a sequence")
