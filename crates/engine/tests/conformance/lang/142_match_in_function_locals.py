# match: captures are local variables of the enclosing function; closures and globals work as usual.
total = 0
def add(item):
    global total
    match item:
        case {"amount": total}:
            pass
    return total
print(add({"amount": 7}), total)
def outer():
    found = None
    def inner(x):
        nonlocal found
        match x:
            case [found, *_]:
                pass
    inner([9, 8])
    return found
print(outer())
