# match: string and bytes literals (including implicit concatenation) compare with ==.
def kind(x):
    match x:
        case "hello":
            return "greeting"
        case "good" "bye":
            return "farewell"
        case b"raw":
            return "bytes"
        case "":
            return "empty"
    return "unknown"
for x in ["hello", "goodbye", b"raw", "", "raw", "hell"]:
    print(repr(x), kind(x))
