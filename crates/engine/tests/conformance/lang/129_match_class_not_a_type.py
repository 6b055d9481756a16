# match: calling something that is not a class in a pattern raises TypeError when reached.
def make():
    pass
class Box:
    maker = make
try:
    match 3:
        case Box.maker():
            print("no")
except TypeError as e:
    print("TypeError:", e)
match 3:
    case 4:
        pass
    case int():
        print("int() checked first, never reached the bad pattern")
