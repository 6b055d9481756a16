# // and % with big operands follow Python's sign rules.
for a in [2**70, -2**70]:
    for b in [7, -7, 2**65, -2**65]:
        print(a // b, a % b)
