# An uncaught exception ends the program after the output so far.
print("before")
def parse(s):
    return int(s)
print(parse("12"))
parse("twelve")
print("never printed")
