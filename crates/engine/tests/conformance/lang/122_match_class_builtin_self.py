# match: built-in types such as int, str, list take one positional pattern: the subject itself.
def f(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(0):
            return "int zero"
        case int(n):
            return f"int {n}"
        case str("") | list([]):
            return "empty str or list"
        case str(s):
            return f"str {s}"
        case float(f) if f > 1:
            return f"big float {f}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case dict({"k": v}):
            return f"dict k={v}"
    return "other"
for x in [True, 0, 5, "", [], "hi", 2.5, 0.5, (1, 2), {"k": 9}, None]:
    print(repr(x), f(x))
