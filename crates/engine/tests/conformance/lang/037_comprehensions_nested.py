# Nested list/dict/set comprehensions and generator expressions.
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix)
print([row[i] for i in range(3) for row in matrix])
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
print({k: [v * v for v in range(k)] for k in range(4)})
print(sorted({c.upper() for word in ["ab", "bc"] for c in word}))
print(sum(x * y for x in range(4) for y in range(4)))
