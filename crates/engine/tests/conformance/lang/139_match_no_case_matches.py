# match: when no case matches nothing happens and execution continues.
for value in [1, "x", None]:
    match value:
        case 2:
            print("two")
        case "y":
            print("y")
    print("after match with", repr(value))
