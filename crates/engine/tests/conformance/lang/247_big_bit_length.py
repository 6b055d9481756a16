# int.bit_length of big ints.
for x in [2**63, 2**64 - 1, -2**100, 2**1000, 3**100]:
    print(x.bit_length())
