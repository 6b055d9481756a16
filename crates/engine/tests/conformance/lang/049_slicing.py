# Slicing with start/stop/step, negative indices, and out-of-range bounds.
s = "abcdefgh"
lst = list(range(10))
print(s[2:5], s[:3], s[5:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[6:1:-2])
print(lst[2:8:3], lst[-1:-5:-1], lst[100:], lst[-100:2])
print((1, 2, 3, 4)[1:3], s[3:3] == "", s[5:2])
print(lst[slice(1, 4)], lst[slice(None, None, -3)])
copy = lst[:]
copy[0] = "changed"
print(lst[0], copy[0])
print(s[-1], s[0], lst[-2])
