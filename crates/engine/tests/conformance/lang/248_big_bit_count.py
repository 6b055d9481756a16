# int.bit_count of big and small ints.
for x in [0, 7, -7, 2**100 - 1, -(2**70), 3**100]:
    print(x.bit_count())
