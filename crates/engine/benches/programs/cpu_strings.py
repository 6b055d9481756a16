# Benchmark: string building, formatting, splitting and joining.
parts = []
for i in range(200_000):
    parts.append(f"item{i}:{i * 7 % 1000:03d}")
text = ",".join(parts)
fields = text.split(",")
upper = 0
for f in fields:
    name, value = f.split(":")
    if name.endswith("7"):
        upper += len(name.upper())
    upper += int(value)
s = ""
for i in range(50_000):
    s += str(i % 10)
words = " ".join("w" + str(i % 97) for i in range(100_000)).replace("w1", "W1")
counts = {}
for w in words.split():
    counts[w] = counts.get(w, 0) + 1
print(len(text), upper, len(s), s.count("7"), len(counts), counts["W13"])
