# Set iteration order of strings depends on string hashes (PYTHONHASHSEED=0).
fruits = {"apple", "banana", "cherry", "date", "elderberry"}
for f in fruits:
    print(f)
print(list({"x", "y", "z"}))
letters = set("mississippi")
print(letters, len(letters))
print({w for w in "the quick brown fox jumps over the lazy dog".split()})
