# Big ints compare with bools and mix in min/max.
print(2**70 > True, True < 2**70, 2**70 == True)
print(max(2**70, 3.5, True), min(-2**70, -1e30))
