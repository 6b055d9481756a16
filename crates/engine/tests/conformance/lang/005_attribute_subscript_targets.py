# Assignment to attributes and subscripts, including augmented forms.
class Box:
    pass

b = Box()
b.value = 1
b.value += 41
print(b.value)
d = {}
d["k"] = [0, 0, 0]
d["k"][1] = 5
d["k"][2] += 7
print(d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 9
print(grid)
lst = [0, 1, 2, 3, 4, 5]
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [None, None, None, None]
print(lst)
b.items = {}
b.items["x"] = 1
print(b.items)
