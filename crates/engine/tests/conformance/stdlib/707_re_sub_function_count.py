# sub with a function as replacement, and count limiting the replacements.
import re
def double(m):
    return str(int(m.group()) * 2)
print(re.sub(r"\d+", double, "1 apple, 20 pears"))
print(re.sub(r"a", "A", "banana", count=2))
print(re.sub(r"a", "A", "banana", 1))
print(re.sub(r"x*", "-", "abxd"))
