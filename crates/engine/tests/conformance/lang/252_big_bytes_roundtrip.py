# to_bytes then from_bytes gives the same big int back.
for x in [2**100 + 7, -3**60, 0, -1]:
    n = (x.bit_length() + 8) // 8
    b = x.to_bytes(n, 'little', signed=True)
    print(x, int.from_bytes(b, 'little', signed=True) == x)
