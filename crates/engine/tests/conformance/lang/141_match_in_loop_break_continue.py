# match: break, continue and return inside case bodies leave the enclosing loop/function.
def first_command(cmds):
    for c in cmds:
        match c.split():
            case ["skip", *_]:
                continue
            case ["stop"]:
                break
            case ["return", value]:
                return value
            case words:
                print("words:", words)
    return "done"
print(first_command(["go north", "skip me", "look", "stop", "never"]))
print(first_command(["return 42", "look"]))
