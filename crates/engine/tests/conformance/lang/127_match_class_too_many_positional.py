# match: more positional sub-patterns than __match_args__ allows raises TypeError.
class NoArgs:
    pass
class Two:
    __match_args__ = ("a", "b")
    a = b = 0
for subject, label in [(NoArgs(), "NoArgs"), (Two(), "Two"), (5, "int")]:
    try:
        match subject:
            case NoArgs(x):
                print("NoArgs matched")
            case Two(x, y, z):
                print("Two matched")
            case int(x, y):
                print("int matched")
    except TypeError as e:
        print(label, "->", e)
