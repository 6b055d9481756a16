# a list iterator is live: it sees items appended during the loop; a dict changing size raises
items = [1, 2]
for x in items:
    if x < 4:
        items.append(x + 2)
    print(x, end=" ")
print()
it = iter([1])
print(next(it), next(it, "end"))
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
