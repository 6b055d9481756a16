# case methods touch ASCII letters only; the is* predicates on bytes
b = b"hello World \xe9"
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
for t in [b"abc", b"ABC", b"Abc Def", b"123", b"a1", b" \t\n", b"", b"\xe9", b"abc!"]:
    print(t, t.isalpha(), t.isalnum(), t.isdigit(), t.islower(), t.isupper(), t.istitle(), t.isspace(), t.isascii())
