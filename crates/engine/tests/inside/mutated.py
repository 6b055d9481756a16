# A list mutated in place, a dict grown, and module globals changing.
import asyncio

count = 0
seen = []

class Box:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Box({self.v})"

async def main():
    global count
    xs = [3, 1, 2]
    xs.append(0)
    xs.sort()
    xs[0] = "zero"
    marks = {}
    for x in xs[1:]:
        marks[x] = x * 2
        count += 1
        seen.append(x)
        await asyncio.sleep(0)
    boxes = [Box(1), Box(2)]
    long = list(range(100))
    big = {k: -k for k in range(50)}
    bag = set(range(60))
    frozen = frozenset(bag)
    print(xs, marks, count, len(boxes), len(long))

seen.append("start")
count = 10
asyncio.run(main())
