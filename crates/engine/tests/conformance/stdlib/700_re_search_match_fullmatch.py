# re.search finds anywhere, re.match only at the start, re.fullmatch the whole string.
import re
print(re.search(r"\d+", "abc 123 def"))
print(re.match(r"\d+", "abc 123"))
print(re.match(r"[a-z]+", "abc 123"))
print(re.fullmatch(r"[a-z]+", "abc"), re.fullmatch(r"[a-z]+", "abc1"))
print(re.fullmatch(r"a|ab", "ab"))
