# A lone starred name cannot be a for target.
for *rest in [(1, 2)]:
    print(rest)
