# Pascal's triangle row 100 (big binomials).
row = [1]
for _ in range(100):
    row = [a + b for a, b in zip([0] + row, row + [0])]
print(row[50])
print(sum(row) == 2**100)
