# Dicts keep insertion order; views are live.
d = {}
for word in ["one", "two", "three", "two", "one", "four"]:
    d[word] = d.get(word, 0) + 1
print(d)
keys = d.keys()
d["five"] = 1
print(keys, len(keys))
del d["one"]
d["one"] = 99
print(list(d.items()))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
inverted = {v: k for k, v in d.items()}
print(inverted)
