# an __init__ containing yield returns a generator, which is CPython's TypeError when the class is called
class Counter:
    def __init__(self, stop=None):
        self.stop = yield stop
try:
    Counter(3)
except TypeError as e:
    print("TypeError:", e)
def make():
    return Counter()
try:
    make()
except TypeError as e:
    print("TypeError:", e)
