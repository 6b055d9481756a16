# enumerate's count goes on past 2**63 - 1 as a big int, and a big start works (found by the mutation tester: the counter overflowed).
for i, c in enumerate("abc", start=9223372036854775806):
    print(i, c)
for i, c in enumerate("xy", 2**70):
    print(i, c)
print(list(enumerate([None, None], start=-9223372036854775808)))
