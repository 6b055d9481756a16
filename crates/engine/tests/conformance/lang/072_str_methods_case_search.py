# str methods: case, search, predicates.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("World"), s.count("l"))
print(s.startswith("Hell"), s.endswith(("x", "ld")), "World" in s)
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "Ab".islower(), "AB".isupper())
print("42".isnumeric(), "Title Case".istitle(), "".isalpha())
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
