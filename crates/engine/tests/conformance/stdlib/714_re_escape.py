# re.escape escapes the characters special in a pattern.
import re
print(re.escape("1.5*x + (y)"))
print(re.escape("a-b c#d"))
print(re.escape("under_score!@"))
print(re.search(re.escape("a.b"), "axb a.b"))
