def numbers():
    yield 1
    yield 2 // 0
def total():
    t = 0
    for n in numbers():
        t += n
    return t
class Box:
    def __init__(self, items):
        self.items = items
    def first(self):
        return self.items[0]
print(total() if False else "skip")
Box([]).first()
