# list methods.
lst = [3, 1, 2]
lst.append(4)
lst.extend([5, 6])
lst.insert(0, 0)
print(lst)
print(lst.pop(), lst.pop(0), lst)
lst.remove(2)
print(lst, lst.index(4), lst.count(1))
lst.reverse()
print(lst)
lst.sort(key=lambda x: -x)
print(lst)
copy = lst.copy()
lst.clear()
print(lst, copy)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(9)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 3, [1, 2] == [1, 2])
