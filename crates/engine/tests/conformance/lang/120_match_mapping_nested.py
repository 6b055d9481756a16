# match: mapping patterns nest, and a key whose value fails its sub-pattern fails the whole pattern.
def f(doc):
    match doc:
        case {"user": {"name": str(name), "tags": [*tags]}}:
            return f"{name} tagged {tags}"
        case {"user": {"name": name}}:
            return f"{name!r} (no tags)"
        case {"user": None}:
            return "anonymous"
    return "bad document"
print(f({"user": {"name": "ann", "tags": ["a", "b"]}}))
print(f({"user": {"name": 7, "tags": ["a"]}}))
print(f({"user": {"name": "bob", "tags": "x"}}))
print(f({"user": None}))
print(f({"user": "ann"}))
