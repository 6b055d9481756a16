# pass, and if/elif/else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 42]:
    print(n, classify(n))

if True:
    pass
else:
    print("never")

class Empty:
    pass

def nothing():
    pass

print(nothing(), type(Empty()).__name__)
if []:
    print("empty list is truthy")
elif "":
    print("empty string is truthy")
else:
    print("both falsy")
