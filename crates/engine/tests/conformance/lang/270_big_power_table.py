# Powers of 7 across the 64-bit boundary.
for k in range(20, 30):
    print(k, 7**k, 7**k > 2**63)
