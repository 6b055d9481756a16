# Benchmark (issue #19): building strings (concatenation, f-strings, join)
# and splitting them again, 100,000 records. Prints counts and a checksum.
ROWS = 100_000

lines = []
for i in range(ROWS):
    row = "r" + str(i)
    row += f";{i % 13};{'x' * (i % 5)};{i * 3 % 1000}"
    lines.append(row)
blob = "\n".join(lines)

check = 0
empty = 0
for line in blob.split("\n"):
    name, a, xs, b = line.split(";")
    if not xs:
        empty += 1
    check = (check + int(a) * 1000 + int(b) + len(name) + len(xs)) % 1_000_003
words = blob.replace(";", " ").split()
print(len(blob), len(words), empty, check)
