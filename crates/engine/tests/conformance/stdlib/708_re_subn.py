# subn returns the new string and the number of replacements.
import re
print(re.subn(r"o", "0", "foo boo"))
print(re.subn(r"z", "0", "foo"))
print(re.compile(r"\d").subn(lambda m: "#", "a1b2c3", 2))
