# except* splits an ExceptionGroup by type.
def raise_group():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])

try:
    raise_group()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])

try:
    try:
        raise_group()
    except* TypeError:
        print("handled the TypeError only")
except ExceptionGroup as rest:
    print("left over:", rest, [str(e) for e in rest.exceptions])

eg = ExceptionGroup("g", [KeyError("k")])
print(repr(eg), eg.message, len(eg.exceptions))
