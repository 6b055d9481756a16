# IGNORECASE and MULTILINE, alone and combined; flags as inline (?i).
import re
print(re.findall(r"cat", "Cat cAT cat", re.IGNORECASE))
print(re.findall(r"^\w+", "one two\nthree four"))
print(re.findall(r"^\w+", "one two\nthree four", re.MULTILINE))
print(re.findall(r"\w+$", "one two\nthree four", re.M | re.I))
print(re.findall(r"(?i)dog", "DOG dog"))
