# AssertionError raised by assert and by hand.
def check(x):
    assert isinstance(x, int), "need an int"
    assert x >= 0
    return x

for value in [3, "3", -3]:
    try:
        print("ok", check(value))
    except AssertionError as e:
        print("AssertionError:", repr(e), str(e) == "")
try:
    raise AssertionError("manual", 2)
except AssertionError as e:
    print(e.args)
