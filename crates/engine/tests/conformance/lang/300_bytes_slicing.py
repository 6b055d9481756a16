# bytes slicing gives bytes, indexing gives ints, steps and negative bounds as for lists
b = b"hello world"
print(b[0], b[-1], b[1:4], b[:5], b[6:], b[::2], b[::-1], b[-5:-1], b[100:], b[3:1])
print(type(b[0]).__name__, type(b[1:2]).__name__)
try:
    b[11]
except IndexError as e:
    print("IndexError:", e)
try:
    b["x"]
except TypeError as e:
    print("TypeError:", e)
